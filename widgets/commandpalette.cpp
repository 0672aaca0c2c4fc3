#include "commandpalette.h"

#include "commandpalettedelegate.h"

#include <QAction>
#include <QApplication>
#include <QGraphicsDropShadowEffect>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int MinWidth = 420;
constexpr int MaxWidth = 760;

} // namespace

CommandPalette::CommandPalette(QWidget *window)
    : QFrame(window),
      m_model(new CommandPaletteModel(this)),
      m_edit(new QLineEdit(this)),
      m_list(new QListView(this)),
      m_status(new QLabel(this)),
      m_openAction(new QAction(tr("&Go to Anything…"), this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Raised);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Window);
    // Lifted off the window by a shadow (in the theme's shadow colour, updateShadow()).
    auto *shadow = new QGraphicsDropShadowEffect(this);
    shadow->setBlurRadius(24);
    shadow->setOffset(0, 4);
    setGraphicsEffect(shadow);
    updateShadow();
    hide();

    m_edit->setObjectName(QStringLiteral("paletteQuery"));
    m_edit->setPlaceholderText(tr("Go to a run, experiment, metric, model or menu action"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    m_list->setObjectName(QStringLiteral("paletteList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new CommandPaletteDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus); // keys reach it through the query line
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_status->setObjectName(QStringLiteral("paletteStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 4);
    layout->setSpacing(4);
    layout->addWidget(m_edit);
    layout->addWidget(m_list);
    layout->addWidget(m_status);

    m_openAction->setObjectName(QStringLiteral("goToAnythingAction"));
    m_openAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_openAction->setToolTip(tr("Find a run, experiment, metric, registered model or menu action by name"));
    connect(m_openAction, &QAction::triggered, this, &CommandPalette::popup);

    connect(m_edit, &QLineEdit::textChanged, m_model, &CommandPaletteModel::setQuery);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CommandPalette::onRowsChanged);
    connect(m_list, &QAbstractItemView::clicked, this, &CommandPalette::activate);
    // A click or Tab elsewhere closes the palette.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (isVisible() && now && now != this && !isAncestorOf(now))
            hide();
    });
    window->installEventFilter(this); // follows its size
}

QString CommandPalette::statusText() const
{
    return m_status->text();
}

void CommandPalette::popup()
{
    emit aboutToShow();
    if (!isVisible())
        m_previousFocus = QApplication::focusWidget();
    m_edit->clear();
    m_model->setQuery({});
    onRowsChanged();
    show();
    raise();
    m_edit->setFocus(Qt::PopupFocusReason);
}

void CommandPalette::activateCurrent()
{
    activate(m_list->currentIndex());
}

void CommandPalette::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const CommandPaletteModel::Entry entry = m_model->entryAt(index);
    dismiss(); // first: going there may move the focus
    emit activated(entry);
}

void CommandPalette::dismiss()
{
    hide();
    if (m_previousFocus)
        m_previousFocus->setFocus(Qt::PopupFocusReason);
}

void CommandPalette::onRowsChanged()
{
    const int rows = m_model->rowCount();
    if (rows > 0)
        m_list->setCurrentIndex(m_model->index(0));
    const int rowHeight = rows > 0 ? m_list->sizeHintForRow(0) : 0;
    m_list->setFixedHeight(std::min(rows, VisibleRows) * rowHeight + 2 * m_list->frameWidth());
    m_list->setVisible(rows > 0);

    const QString keys = tr("↑↓ to move · Enter to go · Esc to close");
    if (m_model->entryCount() == 0)
        m_status->setText(tr("Nothing to go to: open a store"));
    else if (rows == 0)
        m_status->setText(tr("Nothing matches “%1”").arg(m_model->query()));
    else if (rows < m_model->matchCount())
        m_status->setText(tr("The best %1 of %2 · %3").arg(rows).arg(m_model->matchCount()).arg(keys));
    else
        m_status->setText(tr("%1 · %2").arg(rows == 1 ? tr("1 match") : tr("%1 matches").arg(rows), keys));
    place();
}

void CommandPalette::place()
{
    const QWidget *window = parentWidget();
    const int width = std::clamp(window->width() * 3 / 5, std::min(MinWidth, window->width() - 16), MaxWidth);
    const int height = std::min(sizeHint().height(), window->height() - window->height() / 8 - 8);
    setGeometry((window->width() - width) / 2, window->height() / 8, width, std::max(height, 0));
}

void CommandPalette::updateShadow()
{
    auto *shadow = qobject_cast<QGraphicsDropShadowEffect *>(graphicsEffect());
    if (!shadow)
        return; // a palette change while being made
    QColor color = palette().color(QPalette::Shadow);
    color.setAlphaF(0.45f);
    shadow->setColor(color);
}

void CommandPalette::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateShadow();
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        place();
    if (watched != m_edit || event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    switch (key->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
    case Qt::Key_Home:
    case Qt::Key_End:
        if (key->modifiers() & ~Qt::KeypadModifier)
            break; // Shift+Home selects in the line, as ever
        QCoreApplication::sendEvent(m_list, event);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        activateCurrent();
        return true;
    case Qt::Key_Escape:
        dismiss();
        return true;
    default:
        break;
    }
    return QFrame::eventFilter(watched, event);
}
