#include "runheaderview.h"

#include <QPaintEvent>
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

void RunHeaderView::paintEvent(QPaintEvent *event)
{
    ElidingHeaderView::paintEvent(event);
    // The strips over the painted sections (the style may paint a section's whole rectangle).
    QPainter painter(viewport());
    for (int visual = visualIndexAt(0); visual >= 0 && visual < count(); ++visual) {
        const int logical = logicalIndex(visual);
        const int x = sectionViewportPosition(logical);
        if (x > viewport()->width())
            break;
        if (isSectionHidden(logical))
            continue;
        const QColor color = stripColor(logical);
        if (color.isValid())
            painter.fillRect(
                QRect(x + 1, viewport()->height() - StripHeight, sectionSize(logical) - 2, StripHeight),
                color);
    }
}

QSize RunHeaderView::sectionSizeFromContents(int logicalIndex) const
{
    QSize size = ElidingHeaderView::sectionSizeFromContents(logicalIndex);
    size.rheight() += StripHeight;
    return size;
}
