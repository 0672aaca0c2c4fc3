#pragma once

#include <QStyledItemDelegate>

// Paints the cells of the compare tables (ParamDiffModel, MetricDiffModel) from their roles:
// rows whose values differ on an amber tint (stronger in the cells unlike the first run's), the best run of a
// metric on a green one with a star, the pinned baseline's column on a blue one, missing values in grey
// italics, and deltas against the baseline in a smaller, muted second line under the value (green or red for
// metrics, by whether they improve in the row's direction). The direction column of the metric table edits
// with a combo box (min / max).
class DiffItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // The model's columns, and which of its own roles mean what (-1 when it has no such role);
    // missing, baseline and deltas come from the roles all RunDiffModels share.
    struct Roles
    {
        int firstRunColumn = 1;
        int directionColumn = -1;
        int differs = -1;
        int best = -1;
        int direction = -1; // int RunDiff::Direction
        int value = -1; // QString, invalid when missing: cells unlike the first run's are tinted more
    };

    explicit DiffItemDelegate(const Roles &roles, QObject *parent = nullptr);

    // The tints, blended into the palette's base colour so that dark themes stay dark.
    static QColor differsTint(const QPalette &palette);
    static QColor differsStrongTint(const QPalette &palette); // a cell unlike the first run's
    static QColor bestTint(const QPalette &palette);
    static QColor baselineTint(const QPalette &palette);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    bool flag(const QModelIndex &index, int role) const { return role >= 0 && index.data(role).toBool(); }
    QString deltaText(const QModelIndex &index) const;
    bool differsFromFirst(const QModelIndex &index) const;
    QColor deltaColor(const QModelIndex &index, const QPalette &palette) const;

    Roles m_roles;
};
