#pragma once

#include <QDialog>

class QPlainTextEdit;
class QTextBrowser;

// Edits a registry description: Markdown source on the left, its rendering beside it, updated
// as the user types. Ctrl+Return saves.
class DescriptionDialog : public QDialog
{
    Q_OBJECT
public:
    DescriptionDialog(const QString &title, const QString &markdown, QWidget *parent = nullptr);

    QString markdown() const;

private:
    void updatePreview();

    QPlainTextEdit *m_editor;
    QTextBrowser *m_preview;
};
