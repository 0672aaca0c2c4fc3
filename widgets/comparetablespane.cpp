#include "comparetablespane.h"

#include "comparedetail.h"
#include "diffitemdelegate.h"
#include "metricdiffmodel.h"
#include "paramdiffmodel.h"
#include "runheaderview.h"

#include <QMenu>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>
#include <QtConcurrent>

using namespace RunDiff;

namespace {

constexpr int MaxKeyColumnWidth = 280;
constexpr int MaxRunColumnWidth = 240;
constexpr int MinRunColumnWidth = 90;

} // namespace

CompareTablesPane::CompareTablesPane(ParamDiffModel *params, MetricDiffModel *metrics, ParamDiffModel *tags,
                                     QWidget *parent)
    : QSplitter(Qt::Vertical, parent), m_paramModel(params), m_metricModel(metrics), m_tagModel(tags)
{
    setObjectName(QStringLiteral("compareTableSplitter"));
    DiffItemDelegate::Roles paramRoles;
    paramRoles.firstRunColumn = ParamDiffModel::FirstRunColumn;
    paramRoles.differs = ParamDiffModel::DiffersRole;
    paramRoles.value = ParamDiffModel::ValueRole;
    auto *paramDelegate = new DiffItemDelegate(paramRoles, this);
    DiffItemDelegate::Roles metricRoles;
    metricRoles.firstRunColumn = MetricDiffModel::FirstRunColumn;
    metricRoles.directionColumn = MetricDiffModel::DirectionColumn;
    metricRoles.best = MetricDiffModel::IsBestRole;
    metricRoles.direction = MetricDiffModel::DirectionRole;
    auto *metricDelegate = new DiffItemDelegate(metricRoles, this);

    m_paramView = createTable(m_paramModel, paramDelegate, QStringLiteral("paramDiffView"));
    m_metricView = createTable(m_metricModel, metricDelegate, QStringLiteral("metricDiffView"));
    m_tagView = createTable(m_tagModel, paramDelegate, QStringLiteral("tagDiffView"));
    // The direction of a metric: a combo box on double-click, or the context menu.
    m_metricView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                                  | QAbstractItemView::EditKeyPressed);
    m_metricView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_metricView, &QWidget::customContextMenuRequested, this, &CompareTablesPane::showMetricMenu);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("compareTableTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_paramView, tr("Parameters"));
    m_tabs->addTab(m_metricView, tr("Metrics"));
    m_tabs->addTab(m_tagView, tr("Tags"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &CompareTablesPane::scheduleDetail);

    m_detail = new QTextBrowser(this);
    m_detail->setObjectName(QStringLiteral("compareDetail"));
    m_detail->setOpenLinks(false);
    m_detail->setPlaceholderText(
        tr("Select a cell to see its whole value and how it differs from the first run's."));

    addWidget(m_tabs);
    addWidget(m_detail);
    setChildrenCollapsible(false);
    setStretchFactor(0, 3);
    setStretchFactor(1, 1);
    setSizes({520, 180});

    connect(&m_detailWatcher, &QFutureWatcher<QString>::finished, this, [this] {
        if (m_detailWatcher.property("generation").toInt() == m_detailGeneration)
            m_detail->setHtml(m_detailWatcher.result());
    });
    m_detailTimer = new QTimer(this);
    m_detailTimer->setSingleShot(true);
    m_detailTimer->setInterval(60); // not a character diff per row while arrowing through a table
    connect(m_detailTimer, &QTimer::timeout, this, &CompareTablesPane::updateDetail);
}

CompareTablesPane::~CompareTablesPane()
{
    m_detailWatcher.waitForFinished();
}

QTreeView *CompareTablesPane::createTable(QAbstractItemModel *model, DiffItemDelegate *delegate,
                                          const QString &name)
{
    auto *view = new QTreeView(this);
    view->setObjectName(name);
    auto *header = new RunHeaderView(view);
    view->setHeader(header);
    view->setModel(model);
    view->setItemDelegate(delegate);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(false); // rows with deltas have two lines
    view->setAlternatingRowColors(false); // the tints are the rows' colours
    view->setSelectionBehavior(QAbstractItemView::SelectItems);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setTextElideMode(Qt::ElideRight);
    header->setStretchLastSection(false);
    header->setSectionsMovable(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, view, header](const QPoint &pos) {
        const int firstRunColumn = view == m_metricView ? int(MetricDiffModel::FirstRunColumn)
                                                        : int(ParamDiffModel::FirstRunColumn);
        emit runMenuRequested(header->logicalIndexAt(pos) - firstRunColumn,
                              header->viewport()->mapToGlobal(pos));
    });
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CompareTablesPane::scheduleDetail);
    return view;
}

QTreeView *CompareTablesPane::view(Table table) const
{
    switch (table) {
    case ParamsTable:
        return m_paramView;
    case MetricsTable:
        return m_metricView;
    case TagsTable:
        return m_tagView;
    }
    return nullptr;
}

CompareTablesPane::Table CompareTablesPane::currentTable() const
{
    return Table(m_tabs->currentIndex());
}

void CompareTablesPane::fitColumns(Table table)
{
    QTreeView *v = view(table);
    QHeaderView *header = v->header();
    const int columns = v->model()->columnCount();
    for (int column = 0; column < columns; ++column) {
        // The values and the run's name decide; a longer store line under the name is elided.
        int width = std::max(static_cast<QAbstractItemView *>(v)->sizeHintForColumn(column),
                             header->sectionSizeHint(column));
        const QStringList lines
            = v->model()->headerData(column, Qt::Horizontal).toString().split(QLatin1Char('\n'));
        if (lines.size() > 1) {
            QFont font = header->font();
            if (const QVariant f = v->model()->headerData(column, Qt::Horizontal, Qt::FontRole);
                f.canConvert<QFont>())
                font = qvariant_cast<QFont>(f);
            const QFontMetrics metrics(font);
            const int excess = metrics.horizontalAdvance(lines[1]) - metrics.horizontalAdvance(lines[0]);
            width = std::max(static_cast<QAbstractItemView *>(v)->sizeHintForColumn(column),
                             header->sectionSizeHint(column) - std::max(excess, 0));
        }
        const bool isKey = column == 0;
        width = std::clamp(width, isKey ? 120 : MinRunColumnWidth,
                           isKey ? MaxKeyColumnWidth : MaxRunColumnWidth);
        header->resizeSection(column, width);
    }
}

void CompareTablesPane::updateTabTitles()
{
    const auto title = [](const QString &name, const ParamDiffModel *model) {
        const int total = model->totalKeyCount();
        if (total == 0)
            return name;
        return tr("%1 (%2 of %3 differ)").arg(name).arg(model->differingKeyCount()).arg(total);
    };
    m_tabs->setTabText(ParamsTable, title(tr("Parameters"), m_paramModel));
    m_tabs->setTabText(MetricsTable,
                       m_metricModel->rowCount() > 0 ? tr("Metrics (%1)").arg(m_metricModel->rowCount())
                                                     : tr("Metrics"));
    m_tabs->setTabText(TagsTable, title(tr("Tags"), m_tagModel));
}

void CompareTablesPane::showMetricMenu(const QPoint &pos)
{
    const QModelIndex index = m_metricView->indexAt(pos);
    if (!index.isValid())
        return;
    const QString key = m_metricModel->keyAt(index);
    const Direction current = m_metricModel->direction(key);
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *min = menu->addAction(tr("Lower Is Better (min)"), this,
                                   [this, key] { m_metricModel->setDirection(key, Direction::Minimize); });
    min->setCheckable(true);
    min->setChecked(current == Direction::Minimize);
    QAction *max = menu->addAction(tr("Higher Is Better (max)"), this,
                                   [this, key] { m_metricModel->setDirection(key, Direction::Maximize); });
    max->setCheckable(true);
    max->setChecked(current == Direction::Maximize);
    menu->addSeparator();
    QAction *reset = menu->addAction(tr("Default for “%1”").arg(key), this,
                                     [this, key] { m_metricModel->resetDirection(key); });
    reset->setEnabled(current != directionForKey(key));
    menu->popup(m_metricView->viewport()->mapToGlobal(pos));
}

void CompareTablesPane::scheduleDetail()
{
    m_detailTimer->start();
}

void CompareTablesPane::updateDetail()
{
    ++m_detailGeneration;
    QTreeView *v = view(currentTable());
    const QModelIndex index = v ? v->currentIndex() : QModelIndex();
    if (!index.isValid() || m_paramModel->diff().isEmpty()) {
        m_detail->clear();
        return;
    }
    const CompareDetail detail = v == m_metricView
        ? CompareDetail::ofMetric(*m_metricModel, index)
        : CompareDetail::ofText(v == m_paramView ? *m_paramModel : *m_tagModel, index);
    m_detail->setHtml(detail.html());
    if (detail.isPending()) {
        // Long values: the character diff on a worker, the value at once.
        m_detailWatcher.setProperty("generation", m_detailGeneration);
        m_detailWatcher.setFuture(QtConcurrent::run([detail] { return detail.finished(); }));
    }
}

QList<CompareTablesPane::Place> CompareTablesPane::places() const
{
    QList<Place> places;
    for (const QTreeView *view : {m_paramView, m_metricView, m_tagView}) {
        const QModelIndex current = view->currentIndex();
        places.append({view->verticalScrollBar()->value(), view->horizontalScrollBar()->value(),
                       current.isValid() ? current.row() : -1, current.isValid() ? current.column() : -1});
    }
    return places;
}

void CompareTablesPane::setPlaces(const QList<Place> &places)
{
    const QList<QTreeView *> views {m_paramView, m_metricView, m_tagView};
    for (qsizetype i = 0; i < views.size() && i < places.size(); ++i) {
        QTreeView *view = views.at(i);
        const Place &place = places.at(i);
        view->doItemsLayout(); // the scroll ranges of the new rows, now rather than on the next paint
        if (const QModelIndex current = view->model()->index(place.row, place.column); current.isValid())
            view->selectionModel()->setCurrentIndex(
                current, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view->verticalScrollBar()->setValue(place.vertical);
        view->horizontalScrollBar()->setValue(place.horizontal);
    }
}
