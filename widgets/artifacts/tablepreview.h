#pragma once

#include "csvloader.h"

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace Artifacts {
class CsvTableModel;
} // namespace Artifacts

// A CSV or TSV file as a sortable table, rows streaming in from CsvLoader; a line under it
// counts rows and columns and notes ragged rows, bad UTF-8 and an unterminated quote.
class TablePreview : public QWidget
{
    Q_OBJECT
public:
    explicit TablePreview(QWidget *parent = nullptr);

    void load(const QString &path, char delimiter);
    void clear();

    QTableView *view() const { return m_view; }
    Artifacts::CsvTableModel *model() const { return m_model; }
    QString statusText() const;
    bool isLoading() const { return m_loader->isLoading(); }

signals:
    // The header and the first rows are on screen (or the file turned out empty).
    void firstRowsShown();
    void finished(const Artifacts::CsvSummary &summary);
    void loadFailed(const QString &message);

private:
    void showStatus(const Artifacts::CsvSummary *summary);

    Artifacts::CsvLoader *m_loader;
    Artifacts::CsvTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_status;
    bool m_shown = false;
};
