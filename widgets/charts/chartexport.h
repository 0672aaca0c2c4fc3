#pragma once

#include <QList>
#include <QSize>
#include <QString>

class CurveChartView;
class QFileDialog;
class QWidget;

// Writes what charts show: a picture (.png, .svg) of one chart, or the full-resolution data
// of the curves (.csv), chosen by the file's suffix; and asks where.
namespace ChartExport {

// Returns an empty string on success, otherwise a sentence saying what went wrong.
QString save(CurveChartView &view, const QString &path, const QSize &size = {});
QString saveCsv(const QList<CurveChartView *> &views, const QString &path);
// "PNG image (*.png);;SVG drawing (*.svg);;CSV data (*.csv)"
QString fileFilter();
// A save dialog (not yet open, deleted on close) in the pictures folder, named after the
// chart, offering fileFilter() with the chosen filter's suffix as the default.
QFileDialog *createDialog(QWidget *parent, const QString &chartTitle);

} // namespace ChartExport
