#include "commandpalettedelegate.h"

#include "commandpalettemodel.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>

namespace {

constexpr int Margin = 8; // pixels left and right of a row
constexpr int Gap = 12; // between the kind, the title and the detail
constexpr int VerticalPadding = 5;

// The matched characters as runs of bold text.
QList<QTextLayout::FormatRange> boldRanges(const QList<int> &positions, int length)
{
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    QList<QTextLayout::FormatRange> ranges;
    for (const int position : positions) {
        if (position < 0 || position >= length)
            continue;
        if (!ranges.isEmpty() && ranges.last().start + ranges.last().length == position)
            ++ranges.last().length;
        else
            ranges.append({position, 1, bold});
    }
    return ranges;
}

// The title, elided to `rect`, its matched characters in bold.
void drawTitle(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect, const QString &title,
               const QList<int> &positions)
{
    if (rect.width() <= 0)
        return;
    QFont bold = option.font;
    bold.setBold(true);
    // Elided with the bold font's widths, so that the bold characters still fit.
    QString shown = title;
    if (QFontMetrics(bold).horizontalAdvance(title) > rect.width())
        shown = QFontMetrics(bold).elidedText(title, Qt::ElideRight, rect.width());
    const int kept
        = shown == title ? int(title.size()) : int(shown.size()) - 1; // the ellipsis is none of them

    QTextLayout layout(shown, option.font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(textOption);
    layout.setFormats(boldRanges(positions, kept));
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(rect.width());
    layout.endLayout();
    painter->setClipRect(rect);
    layout.draw(painter, QPointF(rect.left(), rect.top() + (rect.height() - line.height()) / 2));
}

} // namespace

CommandPaletteDelegate::CommandPaletteDelegate(QObject *parent) : QStyledItemDelegate(parent) { }

int CommandPaletteDelegate::kindColumnWidth(const QFontMetrics &metrics)
{
    int width = 0;
    for (int kind = 0; kind < CommandPaletteModel::KindCount; ++kind)
        width = std::max(
            width, metrics.horizontalAdvance(CommandPaletteModel::kindName(CommandPaletteModel::Kind(kind))));
    return width;
}

void CommandPaletteDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection

    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group = !opt.state.testFlag(QStyle::State_Enabled) ? QPalette::Disabled
        : opt.state.testFlag(QStyle::State_Active)                                ? QPalette::Active
                                                                                  : QPalette::Inactive;
    const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = opt.palette.color(group, QPalette::PlaceholderText);
    if (selected) {
        dim = text;
        dim.setAlphaF(0.75f);
    }

    painter->save();
    painter->setFont(opt.font);
    const QFontMetrics metrics(opt.font);
    QRect rect = opt.rect.adjusted(Margin, 0, -Margin, 0);
    const int kindWidth = kindColumnWidth(metrics);
    painter->setPen(dim);
    painter->drawText(QRect(rect.left(), rect.top(), kindWidth, rect.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      index.data(CommandPaletteModel::KindNameRole).toString());
    rect.setLeft(rect.left() + kindWidth + Gap);

    // The title gets what it needs; the detail what is left, but at least 40 % when both are long.
    const QString detail = index.data(CommandPaletteModel::DetailRole).toString();
    if (!detail.isEmpty() && rect.width() > Gap) {
        QFont bold = opt.font;
        bold.setBold(true);
        const int room = rect.width() - Gap;
        const int titleWidth = QFontMetrics(bold).horizontalAdvance(title);
        const int detailNeeds = metrics.horizontalAdvance(detail);
        const int detailWidth = std::min(detailNeeds, std::max(room - titleWidth, room * 2 / 5));
        painter->drawText(QRect(rect.right() - detailWidth + 1, rect.top(), detailWidth, rect.height()),
                          Qt::AlignRight | Qt::AlignVCenter,
                          metrics.elidedText(detail, Qt::ElideMiddle, detailWidth));
        rect.setRight(rect.right() - detailWidth - Gap);
    }

    painter->setPen(text);
    drawTitle(painter, opt, rect, title,
              index.data(CommandPaletteModel::MatchPositionsRole).value<QList<int>>());
    painter->restore();
}

QSize CommandPaletteDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 2 * VerticalPadding));
    return size;
}
