#pragma once

#include <QStyledItemDelegate>

// Paints a model version as a card in a stage lane: "v3" with its aliases as chips and a badge
// when it is not ready, the description's first line, and when it was last updated and from
// which run. Reads StageLaneModel's card roles.
class VersionCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "3 days ago", "5 months ago": how long ago `ms` was, relative to `nowMs`.
    static QString ageText(qint64 ms, qint64 nowMs);
};
