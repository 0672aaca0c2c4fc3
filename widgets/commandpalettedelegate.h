#pragma once

#include <QStyledItemDelegate>

class QFontMetrics;

// A row of the command palette (CommandPaletteModel): the entry's kind in a column of its own,
// its title with the characters the query matched in bold, and its detail at the right; kind and
// detail dimmed. Colours come from the palette (text, highlighted text, placeholder text), so
// that light and dark themes both read.
class CommandPaletteDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit CommandPaletteDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The width of the kind column: its widest name.
    static int kindColumnWidth(const QFontMetrics &metrics);
};
