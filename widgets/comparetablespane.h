#pragma once

#include <QFutureWatcher>
#include <QSplitter>

class DiffItemDelegate;
class MetricDiffModel;
class ParamDiffModel;
class QAbstractItemModel;
class QTabWidget;
class QTextBrowser;
class QTimer;
class QTreeView;

// The compare view's tables, parameters, metrics and tags (a tab each, a column per run, a metric's
// direction chosen on its row), above the detail of the current cell. The detail's character
// diff of long values is computed on a worker.
class CompareTablesPane : public QSplitter
{
    Q_OBJECT
public:
    enum Table { ParamsTable, MetricsTable, TagsTable };

    CompareTablesPane(ParamDiffModel *params, MetricDiffModel *metrics, ParamDiffModel *tags,
                      QWidget *parent = nullptr);
    ~CompareTablesPane() override;

    QTreeView *view(Table table) const;
    // Where each table is scrolled to and its current cell, to be put back after its model was
    // reset with much the same rows (a live update).
    struct Place
    {
        int vertical = 0;
        int horizontal = 0;
        int row = -1;
        int column = -1;
    };
    QList<Place> places() const;
    void setPlaces(const QList<Place> &places);
    QTabWidget *tabs() const { return m_tabs; }
    QTextBrowser *detailBrowser() const { return m_detail; }
    Table currentTable() const;

    // Fits a table's columns to its values and run names, after its model changed.
    void fitColumns(Table table);
    // The tabs' titles count the keys that differ.
    void updateTabTitles();
    // Shows the current cell's detail soon (once while arrowing through a table).
    void scheduleDetail();

signals:
    // The context menu of a table's header, over the column of `run` (an index in the diff's runs;
    // out of range over the key column).
    void runMenuRequested(int run, const QPoint &globalPos);

private:
    QTreeView *createTable(QAbstractItemModel *model, DiffItemDelegate *delegate, const QString &name);
    void showMetricMenu(const QPoint &pos);
    void updateDetail();

    ParamDiffModel *m_paramModel;
    MetricDiffModel *m_metricModel;
    ParamDiffModel *m_tagModel;
    QTabWidget *m_tabs = nullptr;
    QTreeView *m_paramView = nullptr;
    QTreeView *m_metricView = nullptr;
    QTreeView *m_tagView = nullptr;
    QTextBrowser *m_detail = nullptr;
    QTimer *m_detailTimer = nullptr;
    QFutureWatcher<QString> m_detailWatcher;
    int m_detailGeneration = 0;
};
