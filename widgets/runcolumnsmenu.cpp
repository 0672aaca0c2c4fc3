#include "runcolumnsmenu.h"

#include "appsettings.h"
#include "runtreemodel.h"

#include <QHeaderView>
#include <QTreeView>

#include <algorithm>

RunColumnsMenu::RunColumnsMenu(QTreeView *view, RunTreeModel *model, const QString &settingsGroup,
                               QWidget *parent)
    : QMenu(tr("Columns"), parent), m_view(view), m_model(model), m_settingsGroup(settingsGroup)
{
    menuAction()->setText(tr("&Columns"));
    menuAction()->setToolTip(tr("Choose the columns of the run table"));
    const AppSettings settings;
    m_hidden = settings.value(Settings::hiddenColumns(m_settingsGroup));
    m_shown = settings.value(Settings::shownColumns(m_settingsGroup));
    connect(this, &QMenu::aboutToShow, this, &RunColumnsMenu::fill);

    QHeaderView *header = m_view->header();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this,
            [this, header](const QPoint &pos) { popup(header->mapToGlobal(pos)); });
    connect(header, &QHeaderView::sectionResized, this, [this](int column, int, int size) {
        if (!m_isApplying && size > 0)
            m_widths.insert(m_model->columnKey(column), size);
    });
}

bool RunColumnsMenu::isColumnVisible(const QString &columnKey) const
{
    if (m_hidden.contains(columnKey))
        return false;
    return m_shown.contains(columnKey) || m_defaultVisible.value(columnKey, true);
}

void RunColumnsMenu::setColumnVisible(const QString &columnKey, bool visible)
{
    if (columnKey == m_model->columnKey(RunTreeModel::NameColumn) || visible == isColumnVisible(columnKey))
        return;
    m_hidden.removeAll(columnKey);
    m_shown.removeAll(columnKey);
    // Only a choice against the default is kept: choosing the default hands the column back to it.
    if (visible != m_defaultVisible.value(columnKey, true))
        (visible ? m_shown : m_hidden).append(columnKey);
    saveChoices();
    if (const int column = m_model->columnOfKey(columnKey); column >= 0)
        showSection(column, visible);
}

void RunColumnsMenu::setDefaultVisible(const QString &columnKey, bool visible)
{
    m_defaultVisible.insert(columnKey, visible);
    if (const int column = m_model->columnOfKey(columnKey); column >= 0)
        showSection(column, isColumnVisible(columnKey));
}

void RunColumnsMenu::showSection(int column, bool visible)
{
    QHeaderView *header = m_view->header();
    header->setSectionHidden(column, !visible);
    if (visible && header->sectionSize(column) == 0) {
        m_isApplying = true;
        header->resizeSection(column, m_widths.value(m_model->columnKey(column), defaultWidth(column)));
        m_isApplying = false;
    }
}

void RunColumnsMenu::saveChoices() const
{
    AppSettings settings;
    settings.setValue(Settings::hiddenColumns(m_settingsGroup), m_hidden);
    settings.setValue(Settings::shownColumns(m_settingsGroup), m_shown);
}

void RunColumnsMenu::applyToView()
{
    m_isApplying = true;
    QHeaderView *header = m_view->header();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const QString key = m_model->columnKey(column);
        header->setSectionHidden(column, !isColumnVisible(key));
        header->resizeSection(column, m_widths.value(key, defaultWidth(column)));
    }
    m_isApplying = false;
}

void RunColumnsMenu::fitTextColumns()
{
    // Names, users and sources vary most; fit them while measuring is cheap, unless the user
    // has chosen a width.
    if (m_model->runs().size() > FitContentLimit)
        return;
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('m'));
    m_isApplying = true;
    for (const int column : {RunTreeModel::NameColumn, RunTreeModel::ExperimentColumn,
                             RunTreeModel::UserColumn, RunTreeModel::SourceColumn}) {
        if (m_widths.contains(m_model->columnKey(column)) || m_view->isColumnHidden(column))
            continue;
        m_view->resizeColumnToContents(column);
        const int width = m_view->columnWidth(column) + em;
        m_view->setColumnWidth(
            column, std::clamp(width, 5 * em, (column == RunTreeModel::NameColumn ? 24 : 16) * em));
    }
    m_isApplying = false;
}

int RunColumnsMenu::defaultWidth(int column) const
{
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto text = [&](const QString &sample) { return metrics.horizontalAdvance(sample) + 24; };
    int width = 0;
    switch (column) {
    case RunTreeModel::NameColumn:
        width = text(QStringLiteral("lr-batch-sweep-0.003-64 ____"));
        break;
    case RunTreeModel::ExperimentColumn:
        width = text(QStringLiteral("experiment"));
        break;
    case RunTreeModel::StatusColumn:
        width = text(QStringLiteral("FINISHED"));
        break;
    case RunTreeModel::StartTimeColumn:
        width = text(QStringLiteral("2024-12-31 23:59"));
        break;
    case RunTreeModel::DurationColumn:
        width = text(QStringLiteral("59m 59s"));
        break;
    case RunTreeModel::UserColumn:
        width = text(QStringLiteral("username"));
        break;
    case RunTreeModel::SourceColumn:
        width = text(QStringLiteral("train.py"));
        break;
    default:
        width = text(QStringLiteral("0.123456"));
        break;
    }
    // Room for the header, within reason: long keys are cut (the tooltip has them whole).
    const int header = text(m_model->headerData(column, Qt::Horizontal).toString()) + 8;
    return std::max(width, std::min(header, text(QStringLiteral("metrics.accuracy"))));
}

void RunColumnsMenu::fill()
{
    clear();
    const auto addColumn = [this](QMenu *menu, int column) {
        const QString key = m_model->columnKey(column);
        QAction *action = menu->addAction(m_model->columnTitle(column));
        action->setCheckable(true);
        action->setChecked(isColumnVisible(key));
        action->setToolTip(key);
        connect(action, &QAction::toggled, this, [this, key](bool on) { setColumnVisible(key, on); });
    };
    addSection(tr("Attributes"));
    for (int column = RunTreeModel::NameColumn + 1; column < RunTreeModel::FixedColumnCount; ++column)
        addColumn(this, column);

    const auto addGroup = [&](const QString &title, RunTreeModel::ColumnKind kind) {
        QList<int> columns;
        for (int column = RunTreeModel::FixedColumnCount; column < m_model->columnCount(); ++column) {
            if (m_model->columnKind(column) == kind)
                columns.append(column);
        }
        QMenu *menu = addMenu(title.arg(columns.size()));
        menu->setEnabled(!columns.isEmpty());
        const auto setAll = [this, columns](bool visible) {
            for (const int column : columns)
                setColumnVisible(m_model->columnKey(column), visible);
        };
        connect(menu->addAction(tr("Show All")), &QAction::triggered, this, [setAll] { setAll(true); });
        connect(menu->addAction(tr("Hide All")), &QAction::triggered, this, [setAll] { setAll(false); });
        menu->addSeparator();
        for (const int column : std::as_const(columns))
            addColumn(menu, column);
    };
    addGroup(tr("Metrics (%1)"), RunTreeModel::ColumnKind::Metric);
    addGroup(tr("Parameters (%1)"), RunTreeModel::ColumnKind::Param);
    addSeparator();
    // Undoes the user's hiding; a column hidden by default stays with its default.
    connect(addAction(tr("Show All Columns")), &QAction::triggered, this, [this] {
        const QStringList hidden = m_hidden;
        for (const QString &key : hidden)
            setColumnVisible(key, true);
    });
}

void RunColumnsMenu::saveSettings(AppSettings &settings) const
{
    settings.setValue(Settings::hiddenColumns(m_settingsGroup), m_hidden);
    settings.setValue(Settings::shownColumns(m_settingsGroup), m_shown);
    QVariantMap widths;
    for (auto it = m_widths.cbegin(); it != m_widths.cend(); ++it)
        widths.insert(it.key(), it.value());
    settings.setValue(Settings::columnWidths(m_settingsGroup), widths);
}

void RunColumnsMenu::restoreSettings(const AppSettings &settings)
{
    m_hidden = settings.value(Settings::hiddenColumns(m_settingsGroup));
    m_shown = settings.value(Settings::shownColumns(m_settingsGroup));
    const QVariantMap widths = settings.value(Settings::columnWidths(m_settingsGroup));
    m_widths.clear();
    for (auto it = widths.cbegin(); it != widths.cend(); ++it)
        m_widths.insert(it.key(), it.value().toInt());
    if (m_model->columnCount() > 0)
        applyToView();
}
