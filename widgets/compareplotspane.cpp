#include "compareplotspane.h"

#include "compareaxis.h"
#include "exportdialog.h"
#include "parallelcoordinatesview.h"
#include "plotexport.h"
#include "scatterview.h"
#include "shortcuttooltip.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

using namespace RunDiff;

ComparePlotsPane::ComparePlotsPane(QWidget *parent) : QTabWidget(parent)
{
    setObjectName(QStringLiteral("comparePlotTabs"));
    setDocumentMode(true);
    createActions();
    addTab(createParallelTab(), tr("Parallel Coordinates"));
    addTab(createScatterTab(), tr("Scatter"));
}

void ComparePlotsPane::createActions()
{
    m_clearBrushAction = new QAction(tr("Clear &Brushing"), this);
    m_clearBrushAction->setToolTip(tr("Drop the ranges selected on the parallel coordinates' axes and show "
                                      "every run again"));
    m_clearBrushAction->setEnabled(false);
    connect(m_clearBrushAction, &QAction::triggered, this, &ComparePlotsPane::clearBrushing);

    m_exportPlotAction = new QAction(tr("&Export Plot…"), this);
    m_exportPlotAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportPlotAction->setToolTip(
        withShortcut(tr("Save the plot shown as PNG or SVG"), m_exportPlotAction->shortcut()));
    m_exportPlotAction->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as")));
    m_exportPlotAction->setEnabled(false);
    connect(m_exportPlotAction, &QAction::triggered, this, &ComparePlotsPane::chooseExportFile);
}

QWidget *ComparePlotsPane::createParallelTab()
{
    // Parallel coordinates, with the checkable list of axes on its left.
    auto *parallelPane = new QWidget(this);
    m_axisList = new QListWidget(parallelPane);
    m_axisList->setObjectName(QStringLiteral("axisList"));
    m_axisList->setToolTip(tr("Check the params and metrics to draw as axes"));
    m_axisList->setUniformItemSizes(true);
    m_axisList->setMaximumWidth(190);
    connect(m_axisList, &QListWidget::itemChanged, this, &ComparePlotsPane::onAxisItemChanged);
    m_parallelView = new ParallelCoordinatesView(parallelPane);
    m_parallelView->setObjectName(QStringLiteral("parallelCoordinates"));
    connect(m_parallelView, &ParallelCoordinatesView::brushChanged, this, &ComparePlotsPane::onBrushChanged);
    auto *axisTitle = new QLabel(tr("Axes"), parallelPane);
    axisTitle->setBuddy(m_axisList);
    auto *axisLayout = new QVBoxLayout;
    axisLayout->setContentsMargins(0, 0, 0, 0);
    axisLayout->addWidget(axisTitle);
    axisLayout->addWidget(m_axisList, 1);
    auto *parallelLayout = new QHBoxLayout(parallelPane);
    parallelLayout->setContentsMargins(0, 4, 0, 0);
    parallelLayout->addLayout(axisLayout);
    parallelLayout->addWidget(m_parallelView, 1);
    return parallelPane;
}

QWidget *ComparePlotsPane::createScatterTab()
{
    // Scatter: x and y chosen above the chart.
    auto *scatterPane = new QWidget(this);
    m_xBox = new QComboBox(scatterPane);
    m_xBox->setObjectName(QStringLiteral("scatterXBox"));
    m_xBox->setToolTip(tr("The param or metric along the x axis"));
    m_yBox = new QComboBox(scatterPane);
    m_yBox->setObjectName(QStringLiteral("scatterYBox"));
    m_yBox->setToolTip(tr("The metric along the y axis"));
    for (QComboBox *box : {m_xBox, m_yBox}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        box->setMinimumContentsLength(16);
        connect(box, &QComboBox::activated, this, [this] {
            setScatterKeys(m_xBox->currentData().toString(), m_yBox->currentData().toString());
        });
    }
    auto *xLabel = new QLabel(tr("X:"), scatterPane);
    xLabel->setBuddy(m_xBox);
    auto *yLabel = new QLabel(tr("Y:"), scatterPane);
    yLabel->setBuddy(m_yBox);
    auto *keys = new QHBoxLayout;
    keys->addWidget(xLabel);
    keys->addWidget(m_xBox);
    keys->addSpacing(12);
    keys->addWidget(yLabel);
    keys->addWidget(m_yBox);
    keys->addStretch(1);
    m_scatterView = new ScatterView(scatterPane);
    m_scatterView->setObjectName(QStringLiteral("scatterPlot"));
    auto *scatterLayout = new QVBoxLayout(scatterPane);
    scatterLayout->setContentsMargins(0, 4, 0, 0);
    scatterLayout->addLayout(keys);
    scatterLayout->addWidget(m_scatterView, 1);
    return scatterPane;
}

void ComparePlotsPane::setDiff(const Diff &diff)
{
    const bool hadBrush = m_parallelView->hasBrush();
    m_diff = diff;
    m_fillingControls = true;
    const QStringList available = CompareAxis::availableKeys(m_diff);
    QStringList chosen;
    for (const QString &key : std::as_const(m_chosenAxes)) {
        if (available.contains(key))
            chosen.append(key);
    }
    if (chosen.isEmpty())
        chosen = CompareAxis::defaultKeys(m_diff);
    m_axisList->clear();
    QStringList ordered; // the list's order: params, then metrics
    for (const QString &key : available) {
        auto *item = new QListWidgetItem(key, m_axisList);
        item->setData(Qt::UserRole, key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(chosen.contains(key) ? Qt::Checked : Qt::Unchecked);
        if (chosen.contains(key))
            ordered.append(key);
    }
    m_parallelView->setDiff(m_diff);
    m_parallelView->setAxisKeys(ordered);

    const QString oldX = m_xBox->currentData().toString();
    const QString oldY = m_yBox->currentData().toString();
    m_xBox->clear();
    m_yBox->clear();
    for (const QString &key : available)
        m_xBox->addItem(key, key);
    const QStringList metrics = CompareAxis::metricKeys(m_diff);
    for (const QString &key : metrics)
        m_yBox->addItem(key, key);
    QString x = available.contains(oldX) ? oldX : QString();
    if (x.isEmpty())
        x = ordered.value(0, available.value(0));
    QString y = metrics.contains(oldY) ? oldY : QString();
    if (y.isEmpty()) {
        // The charted metric that the most runs logged.
        qsizetype most = 0;
        for (const QString &key : std::as_const(ordered)) {
            const CompareAxis axis = CompareAxis::make(m_diff, key);
            const qsizetype present = std::count_if(axis.values.cbegin(), axis.values.cend(),
                                                    [](const auto &v) { return v.has_value(); });
            if (metrics.contains(key) && present > most) {
                most = present;
                y = key;
            }
        }
    }
    if (y.isEmpty())
        y = metrics.value(0);
    m_scatterView->setDiff(m_diff);
    m_fillingControls = false;
    setScatterKeys(x, y);
    m_exportPlotAction->setEnabled(!m_diff.isEmpty());
    m_clearBrushAction->setEnabled(false);
    if (hadBrush)
        emit runFilterChanged();
}

void ComparePlotsPane::onAxisItemChanged()
{
    if (m_fillingControls)
        return;
    QStringList keys;
    for (int row = 0; row < m_axisList->count(); ++row) {
        if (m_axisList->item(row)->checkState() == Qt::Checked)
            keys.append(m_axisList->item(row)->data(Qt::UserRole).toString());
    }
    m_chosenAxes = keys;
    m_parallelView->setAxisKeys(keys);
}

void ComparePlotsPane::setAxisKeys(const QStringList &keys)
{
    m_fillingControls = true;
    for (int row = 0; row < m_axisList->count(); ++row) {
        QListWidgetItem *item = m_axisList->item(row);
        item->setCheckState(keys.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
    m_fillingControls = false;
    onAxisItemChanged();
}

void ComparePlotsPane::setScatterKeys(const QString &xKey, const QString &yKey)
{
    m_xBox->setCurrentIndex(m_xBox->findData(xKey));
    m_yBox->setCurrentIndex(m_yBox->findData(yKey));
    m_scatterView->setKeys(xKey, yKey);
    m_scatterView->setHighlightedRuns(filteredRunIds(), !hasRunFilter());
}

void ComparePlotsPane::onBrushChanged()
{
    m_scatterView->setHighlightedRuns(filteredRunIds(), !hasRunFilter());
    m_clearBrushAction->setEnabled(hasRunFilter());
    emit runFilterChanged();
}

bool ComparePlotsPane::hasRunFilter() const
{
    return m_parallelView->hasBrush();
}

QStringList ComparePlotsPane::filteredRunIds() const
{
    return m_parallelView->brushedRunIds();
}

void ComparePlotsPane::clearBrushing()
{
    m_parallelView->clearBrushes();
}

QString ComparePlotsPane::exportPlot(const QString &path)
{
    QString failure;
    if (m_diff.isEmpty()) {
        failure = tr("There is no plot to export.");
    } else {
        ExportablePlot *plot = currentIndex() == ScatterPlot ? static_cast<ExportablePlot *>(m_scatterView)
                                                             : static_cast<ExportablePlot *>(m_parallelView);
        failure = PlotExport::save(*plot, path);
    }
    if (!failure.isEmpty())
        emit exportFailed(failure);
    return failure;
}

void ComparePlotsPane::chooseExportFile()
{
    if (m_diff.isEmpty())
        return;
    const QString title
        = currentIndex() == ScatterPlot ? m_scatterView->plotTitle() : m_parallelView->plotTitle();
    QFileDialog *dialog = createExportDialog(this, tr("Export Plot"), PlotExport::fileFilter(), title);
    dialog->setObjectName(QStringLiteral("exportPlotDialog"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { exportPlot(path); });
    dialog->open();
}
