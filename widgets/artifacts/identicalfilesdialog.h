#pragma once

#include "identicalfilefinder.h"

#include <QDialog>

class IdenticalFileModel;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

// Which runs hold a file identical to a given one (dropped on the window): the search's progress
// with a Cancel button, then the matching artifact files. Non-modal; double-clicking a match
// (or pressing Enter on it) asks to show its run.
class IdenticalFilesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit IdenticalFilesDialog(QWidget *parent = nullptr);

    // Starts searching `runs` for files identical to `filePath`; supersedes a search in flight.
    void find(const QString &filePath, const QList<RunArtifactRoot> &runs);
    // Shows why the search cannot run (the store's runs could not be read).
    void showError(const QString &message);

    IdenticalFileModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // The line under the title: progress, the number found, "none", or what went wrong.
    QString status() const;

signals:
    void runActivated(const QString &experimentId, const QString &runId);

private:
    void showMatches(const QList<IdenticalFileMatch> &matches);

    IdenticalFileFinder *m_finder;
    IdenticalFileModel *m_model;
    QLabel *m_title;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QTableView *m_table;
};
