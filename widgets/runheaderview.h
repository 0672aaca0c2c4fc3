#pragma once

#include "elidingheaderview.h"

// The horizontal header of the compare tables: run names (elided in the middle when narrow)
// in the normal text colour, with a strip of the run's colour (the model's Qt::DecorationRole)
// along the section's bottom edge, so each column is recognisably the run of the same colour in
// the charts and the run table.
class RunHeaderView : public ElidingHeaderView
{
    Q_OBJECT
public:
    static constexpr int StripHeight = 4;

    explicit RunHeaderView(QWidget *parent = nullptr);

    // The colour of a section's strip (invalid for sections that are no run).
    QColor stripColor(int logicalIndex) const;

protected:
    void initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const override;
    void paintEvent(QPaintEvent *event) override;
    QSize sectionSizeFromContents(int logicalIndex) const override;
};
