#include "elidingheaderview.h"

#include <QHelpEvent>
#include <QStyleOptionHeaderV2>
#include <QToolTip>

ElidingHeaderView::ElidingHeaderView(Qt::Orientation orientation, QWidget *parent)
    : QHeaderView(orientation, parent)
{
    setTextElideMode(Qt::ElideMiddle);
}

void ElidingHeaderView::initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const
{
    QHeaderView::initStyleOptionForIndex(option, logicalIndex);
    // QHeaderView sets the rect after this call; the style needs it to place the label.
    option->rect = orientation() == Qt::Horizontal
        ? QRect(sectionViewportPosition(logicalIndex), 0, sectionSize(logicalIndex), viewport()->height())
        : QRect(0, sectionViewportPosition(logicalIndex), viewport()->width(), sectionSize(logicalIndex));
    option->text = elided(*option);
}

QString ElidingHeaderView::elided(const QStyleOptionHeader &option) const
{
    if (textElideMode() == Qt::ElideNone)
        return option.text;
    // What the style paints in: the font (bold when highlighted) and the label's rectangle.
    QFont font = this->font();
    if (const QVariant sectionFont
        = model() ? model()->headerData(option.section, orientation(), Qt::FontRole) : QVariant();
        sectionFont.canConvert<QFont>())
        font = qvariant_cast<QFont>(sectionFont);
    if (option.state & QStyle::State_On)
        font.setBold(true);
    const int width = std::max(style()->subElementRect(QStyle::SE_HeaderLabel, &option, this).width(), 0);
    // Each line on its own (a run's name, then its store).
    const QFontMetrics metrics(font);
    QStringList lines = option.text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = metrics.elidedText(line, textElideMode(), width);
    return lines.join(QLatin1Char('\n'));
}

QString ElidingHeaderView::displayedText(int logicalIndex) const
{
    QStyleOptionHeaderV2 option;
    initStyleOption(&option);
    initStyleOptionForIndex(&option, logicalIndex);
    return option.text;
}

int ElidingHeaderView::textWidth(int logicalIndex) const
{
    QStyleOptionHeaderV2 option;
    initStyleOption(&option);
    initStyleOptionForIndex(&option, logicalIndex);
    return style()->subElementRect(QStyle::SE_HeaderLabel, &option, this).width();
}

bool ElidingHeaderView::viewportEvent(QEvent *event)
{
    // The whole title, even when the model gives no tooltip of its own.
    if (event->type() == QEvent::ToolTip && model()) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int logicalIndex = logicalIndexAt(help->pos());
        if (logicalIndex >= 0) {
            QString text = model()->headerData(logicalIndex, orientation(), Qt::ToolTipRole).toString();
            if (text.isEmpty())
                text = model()->headerData(logicalIndex, orientation(), Qt::DisplayRole).toString();
            if (!text.isEmpty()) {
                QToolTip::showText(help->globalPos(), text, viewport(), {});
                return true;
            }
        }
    }
    return QHeaderView::viewportEvent(event);
}
