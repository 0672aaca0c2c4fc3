#include "diffitemdelegate.h"

#include "rundiffmodel.h"
#include "tint.h"

#include <QApplication>
#include <QComboBox>
#include <QPainter>

namespace {

constexpr int DeltaGap = 10; // pixels between a value and its delta

} // namespace

DiffItemDelegate::DiffItemDelegate(const Roles &roles, QObject *parent)
    : QStyledItemDelegate(parent), m_roles(roles)
{
}

QColor DiffItemDelegate::differsTint(const QPalette &palette)
{
    return Tint::blend(palette.color(QPalette::Base), QColor(0xf2, 0xb7, 0x05),
                       Tint::isDark(palette) ? 0.30 : 0.20);
}

QColor DiffItemDelegate::differsStrongTint(const QPalette &palette)
{
    return Tint::blend(palette.color(QPalette::Base), QColor(0xf2, 0xa0, 0x05),
                       Tint::isDark(palette) ? 0.50 : 0.42);
}

bool DiffItemDelegate::differsFromFirst(const QModelIndex &index) const
{
    if (m_roles.value < 0 || index.column() <= m_roles.firstRunColumn)
        return false;
    const QVariant value = index.data(m_roles.value);
    const QVariant first = index.siblingAtColumn(m_roles.firstRunColumn).data(m_roles.value);
    if (value.isValid() != first.isValid())
        return true;
    if (!value.isValid())
        return false;
    const auto a = RunDiff::parseNumber(value.toString());
    const auto b = RunDiff::parseNumber(first.toString());
    if (a && b)
        return *a != *b;
    return value.toString() != first.toString();
}

QColor DiffItemDelegate::bestTint(const QPalette &palette)
{
    return Tint::blend(palette.color(QPalette::Base), QColor(0x2e, 0xa0, 0x43),
                       Tint::isDark(palette) ? 0.35 : 0.22);
}

QColor DiffItemDelegate::baselineTint(const QPalette &palette)
{
    return Tint::blend(palette.color(QPalette::Base), QColor(0x42, 0x85, 0xf4),
                       Tint::isDark(palette) ? 0.30 : 0.14);
}

void DiffItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool isRunCell = index.column() >= m_roles.firstRunColumn;
    const QPalette &palette = option->palette;
    if (flag(index, m_roles.differs))
        option->backgroundBrush
            = isRunCell && differsFromFirst(index) ? differsStrongTint(palette) : differsTint(palette);
    if (isRunCell && flag(index, RunDiffModel::IsBaselineRole))
        option->backgroundBrush = option->backgroundBrush.style() == Qt::NoBrush
            ? baselineTint(palette)
            : Tint::blend(option->backgroundBrush.color(), QColor(0x42, 0x85, 0xf4), 0.14);
    if (isRunCell && flag(index, m_roles.best)) {
        option->backgroundBrush = bestTint(palette);
        option->text = QStringLiteral("★ ") + option->text;
    }
    if (isRunCell && flag(index, RunDiffModel::IsMissingRole)) {
        option->font.setItalic(true);
        option->palette.setColor(QPalette::Text, palette.color(QPalette::PlaceholderText));
    }
    if (index.column() == m_roles.directionColumn)
        option->text = option->text == QLatin1String("max") ? tr("▲ max") : tr("▼ min");
}

QString DiffItemDelegate::deltaText(const QModelIndex &index) const
{
    if (index.column() < m_roles.firstRunColumn)
        return {};
    return index.data(RunDiffModel::DeltaTextRole).toString();
}

QColor DiffItemDelegate::deltaColor(const QModelIndex &index, const QPalette &palette) const
{
    const QColor muted = palette.color(QPalette::PlaceholderText);
    if (m_roles.direction < 0)
        return muted;
    const double delta = index.data(RunDiffModel::DeltaRole).toDouble();
    if (delta == 0)
        return muted;
    const bool lowerIsBetter = index.data(m_roles.direction).toInt() == int(RunDiff::Direction::Minimize);
    const bool better = lowerIsBetter ? delta < 0 : delta > 0;
    if (Tint::isDark(palette))
        return better ? QColor(0x56, 0xd3, 0x64) : QColor(0xff, 0x7b, 0x72);
    return better ? QColor(0x1a, 0x7f, 0x37) : QColor(0xcf, 0x22, 0x2e);
}

void DiffItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QString delta = deltaText(index);
    if (delta.isEmpty()) {
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        return;
    }
    // Background, selection and focus from the style; the value above, its delta below.
    const QString text = opt.text;
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    opt.text = text;
    const QRect textRect
        = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 2, -2, -2);
    QFont deltaFont = opt.font;
    deltaFont.setPointSizeF(deltaFont.pointSizeF() * 0.85);
    const QFontMetrics deltaMetrics(deltaFont);
    const int valueHeight = opt.fontMetrics.height();
    const int top
        = textRect.top() + std::max(0, (textRect.height() - valueHeight - deltaMetrics.height()) / 2);
    const QRect valueRect(textRect.left(), top, textRect.width(), valueHeight);
    const QRect deltaRect(textRect.left(), top + valueHeight, textRect.width(), deltaMetrics.height());
    const Qt::Alignment horizontal = opt.displayAlignment & Qt::AlignHorizontal_Mask;

    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group
        = opt.state.testFlag(QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(valueRect, int(horizontal | Qt::AlignVCenter),
                      opt.fontMetrics.elidedText(text, Qt::ElideRight, valueRect.width()));
    painter->setFont(deltaFont);
    painter->setPen(selected ? opt.palette.color(group, QPalette::HighlightedText)
                             : deltaColor(index, opt.palette));
    painter->drawText(deltaRect, int(horizontal | Qt::AlignVCenter),
                      deltaMetrics.elidedText(delta, Qt::ElideRight, deltaRect.width()));
    painter->restore();
}

QSize DiffItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QString delta = deltaText(index);
    if (index.column() >= m_roles.firstRunColumn && flag(index, m_roles.best))
        size.rwidth() += option.fontMetrics.horizontalAdvance(QStringLiteral("★ "));
    if (!delta.isEmpty()) {
        QFont deltaFont = option.font;
        deltaFont.setPointSizeF(deltaFont.pointSizeF() * 0.85);
        const QFontMetrics deltaMetrics(deltaFont);
        size.rwidth() = std::max(size.width(), deltaMetrics.horizontalAdvance(delta) + 2 * DeltaGap);
        size.rheight() = std::max(size.height(), option.fontMetrics.height() + deltaMetrics.height() + 8);
    }
    size.rheight() = std::max(size.height(), option.fontMetrics.height() + 8);
    return size;
}

QWidget *DiffItemDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    if (index.column() != m_roles.directionColumn)
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *box = new QComboBox(parent);
    box->setObjectName(QStringLiteral("directionEditor"));
    box->addItem(tr("▼ min"), QStringLiteral("min"));
    box->setItemData(0, tr("Lower is better"), Qt::ToolTipRole);
    box->addItem(tr("▲ max"), QStringLiteral("max"));
    box->setItemData(1, tr("Higher is better"), Qt::ToolTipRole);
    // One choice is the whole edit: commit as soon as it is made.
    auto *self = const_cast<DiffItemDelegate *>(this);
    connect(box, &QComboBox::activated, self, [self, box] {
        emit self->commitData(box);
        emit self->closeEditor(box);
    });
    return box;
}

void DiffItemDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *box = qobject_cast<QComboBox *>(editor); box && index.column() == m_roles.directionColumn) {
        box->setCurrentIndex(std::max(0, box->findData(index.data(Qt::EditRole).toString())));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void DiffItemDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                    const QModelIndex &index) const
{
    if (auto *box = qobject_cast<QComboBox *>(editor); box && index.column() == m_roles.directionColumn) {
        model->setData(index, box->currentData().toString(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}
