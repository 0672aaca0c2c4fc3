#pragma once

#include <QHeaderView>

// A header whose section titles that do not fit are elided ("params.lea…_rate_decay", the middle
// by default, so both the prefix and the distinguishing end stay readable); the model's
// Qt::ToolTipRole shows the whole title. Elides itself rather than relying on the style, which
// may clip instead (or measure with another font than it paints with).
class ElidingHeaderView : public QHeaderView
{
    Q_OBJECT
public:
    explicit ElidingHeaderView(Qt::Orientation orientation, QWidget *parent = nullptr);

    // The title as painted at the section's current size.
    QString displayedText(int logicalIndex) const;
    // The width available to the title of a section (its size less margins and sort arrow).
    int textWidth(int logicalIndex) const;

protected:
    void initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const override;
    bool viewportEvent(QEvent *event) override;

private:
    QString elided(const QStyleOptionHeader &option) const;
};
