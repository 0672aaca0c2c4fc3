#pragma once

#include <QString>

class QFileDialog;
class QWidget;

// A save dialog for an export (not yet open, deleted on close) in the pictures folder, the file
// named after `title` (characters unsafe in file names replaced), else `fallbackName`. It offers
// `filter` ("PNG image (*.png);;..."): PNG first, then the suffix of the type chosen.
QFileDialog *createExportDialog(QWidget *parent, const QString &caption, const QString &filter,
                                const QString &title, const QString &fallbackName = {});
