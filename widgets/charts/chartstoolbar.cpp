#include "chartstoolbar.h"

#include "shortcuttooltip.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QTimer>

#include <cmath>

namespace {

QAction *checkableAction(const QString &text, const QString &toolTip, const QKeySequence &shortcut,
                         QObject *parent)
{
    auto *action = new QAction(text, parent);
    action->setCheckable(true);
    action->setShortcut(shortcut);
    action->setToolTip(withShortcut(toolTip, shortcut));
    return action;
}

} // namespace

ChartsToolBar::ChartsToolBar(QWidget *parent) : QToolBar(parent)
{
    createActions();
    setObjectName(QStringLiteral("chartsToolBar"));
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *xLabel = new QLabel(tr("X axis:"), this);
    m_xAxisBox = new QComboBox(this);
    m_xAxisBox->setObjectName(QStringLiteral("xAxisBox"));
    m_xAxisBox->addItem(tr("Step"), int(CurveMath::XAxis::Step));
    m_xAxisBox->addItem(tr("Wall time"), int(CurveMath::XAxis::WallTime));
    m_xAxisBox->addItem(tr("Relative time"), int(CurveMath::XAxis::RelativeTime));
    m_xAxisBox->setToolTip(tr("What the x axis shows: the step, the time of day, or the time since each "
                              "run started"));
    xLabel->setBuddy(m_xAxisBox);
    connect(m_xAxisBox, &QComboBox::activated, this,
            [this](int index) { emit xAxisChosen(CurveMath::XAxis(m_xAxisBox->itemData(index).toInt())); });
    addWidget(xLabel);
    addWidget(m_xAxisBox);
    addSeparator();
    addAction(m_logYAction);
    addAction(m_ignoreOutliersAction);
    addSeparator();

    auto *smoothingTitle = new QLabel(tr("Smoothing:"), this);
    m_smoothingSlider = new QSlider(Qt::Horizontal, this);
    m_smoothingSlider->setObjectName(QStringLiteral("smoothingSlider"));
    m_smoothingSlider->setRange(0, 99);
    m_smoothingSlider->setPageStep(10);
    m_smoothingSlider->setFixedWidth(140);
    m_smoothingSlider->setToolTip(tr("Exponential moving average weight (0: raw values); the raw line "
                                     "stays faint behind the smoothed one"));
    m_smoothingLabel = new QLabel(this);
    m_smoothingLabel->setObjectName(QStringLiteral("smoothingLabel"));
    m_smoothingLabel->setMinimumWidth(
        m_smoothingLabel->fontMetrics().horizontalAdvance(QStringLiteral("0.00")) + 6);
    m_smoothingLabel->setText(QStringLiteral("0.00"));
    smoothingTitle->setBuddy(m_smoothingSlider);
    // Each weight is a new line of every curve: follow a drag at a modest pace.
    m_smoothingTimer = new QTimer(this);
    m_smoothingTimer->setSingleShot(true);
    m_smoothingTimer->setInterval(60);
    connect(m_smoothingSlider, &QSlider::valueChanged, this, [this](int value) {
        m_smoothingLabel->setText(QString::number(value / 100.0, 'f', 2));
        m_smoothingTimer->start();
    });
    connect(m_smoothingTimer, &QTimer::timeout, this,
            [this] { emit smoothingChosen(m_smoothingSlider->value() / 100.0); });
    addWidget(smoothingTitle);
    addWidget(m_smoothingSlider);
    addWidget(m_smoothingLabel);
    addSeparator();
    addAction(m_combineKeysAction);
    addAction(m_syncZoomAction);
    addAction(m_resetZoomAction);
    addSeparator();
    addAction(m_exportAction);
}

void ChartsToolBar::createActions()
{
    m_logYAction = checkableAction(tr("&Log Y"), tr("Logarithmic y axis; values ≤ 0 are skipped"),
                                   QKeySequence(Qt::CTRL | Qt::Key_L), this);

    m_ignoreOutliersAction
        = checkableAction(tr("Ignore &Outliers"),
                          tr("Fit the y axis to the 5th–95th percentile of the values, so that spikes do "
                             "not flatten the curves"),
                          QKeySequence(Qt::CTRL | Qt::Key_J), this);

    m_combineKeysAction
        = checkableAction(tr("&Combine Keys"), tr("Draw all checked keys in one chart, a line style per key"),
                          QKeySequence(Qt::CTRL | Qt::Key_G), this);

    m_syncZoomAction = checkableAction(tr("&Sync Zoom"), tr("Zoom and pan the x axis of all charts together"),
                                       QKeySequence(), this);

    m_resetZoomAction = new QAction(tr("&Reset Zoom"), this);
    m_resetZoomAction->setShortcut(QKeySequence(Qt::Key_Home));
    m_resetZoomAction->setShortcutContext(Qt::WidgetWithChildrenShortcut); // not in the key list
    m_resetZoomAction->setToolTip(
        withShortcut(tr("Show the whole curves in every chart"), QKeySequence(Qt::Key_Home)));
    m_resetZoomAction->setIcon(QIcon::fromTheme(QStringLiteral("zoom-original")));

    m_exportAction = new QAction(tr("&Export…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(withShortcut(
        tr("Save the focused chart (or the first) as PNG or SVG, or the data of every shown curve as CSV"),
        m_exportAction->shortcut()));
    m_exportAction->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as")));
}

void ChartsToolBar::showXAxis(CurveMath::XAxis axis)
{
    const int index = m_xAxisBox->findData(int(axis));
    if (index != m_xAxisBox->currentIndex())
        m_xAxisBox->setCurrentIndex(index);
}

void ChartsToolBar::showSmoothing(double weight)
{
    const int value = int(std::lround(weight * 100));
    if (m_smoothingSlider->value() != value) {
        const QSignalBlocker blocker(m_smoothingSlider);
        m_smoothingSlider->setValue(value);
    }
    m_smoothingTimer->stop();
    m_smoothingLabel->setText(QString::number(weight, 'f', 2));
}
