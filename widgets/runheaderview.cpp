#include "runheaderview.h"

#include <QPainter>
#include <QStyleOptionHeader>

RunHeaderView::RunHeaderView(QWidget *parent) : ElidingHeaderView(Qt::Horizontal, parent)
{
    setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

QColor RunHeaderView::stripColor(int logicalIndex) const
{
    if (!model())
        return {};
    const QVariant color = model()->headerData(logicalIndex, orientation(), Qt::DecorationRole);
    return color.typeId() == QMetaType::QColor ? color.value<QColor>() : QColor();
}

void RunHeaderView::initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const
{
    ElidingHeaderView::initStyleOptionForIndex(option, logicalIndex);
    // A pale palette colour as text can be unreadable on the header; the strip carries it.
    option->palette.setBrush(QPalette::ButtonText, palette().brush(QPalette::ButtonText));
}

void RunHeaderView::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    ElidingHeaderView::paintSection(painter, rect, logicalIndex);
    const QColor color = stripColor(logicalIndex);
    if (!color.isValid())
        return;
    painter->save();
    painter->fillRect(QRect(rect.left() + 1, rect.bottom() - StripHeight + 1, rect.width() - 2, StripHeight),
                      color);
    painter->restore();
}

QSize RunHeaderView::sectionSizeFromContents(int logicalIndex) const
{
    QSize size = ElidingHeaderView::sectionSizeFromContents(logicalIndex);
    size.rheight() += StripHeight;
    return size;
}
