#include "versioncarddelegate.h"

#include "stagelanemodel.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

namespace {

constexpr int Margin = 4; // around a card
constexpr int Padding = 8; // inside it
constexpr qreal Radius = 6;

} // namespace

QString VersionCardDelegate::ageText(qint64 ms, qint64 nowMs)
{
    const auto ago
        = [](qint64 n, const char *one, const char *many) { return n == 1 ? tr(one) : tr(many).arg(n); };
    const qint64 minutes = std::max<qint64>(0, nowMs - ms) / 60000;
    if (minutes < 1)
        return tr("just now");
    if (minutes < 60)
        return ago(minutes, "a minute ago", "%1 minutes ago");
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return ago(hours, "an hour ago", "%1 hours ago");
    const qint64 days = hours / 24;
    if (days < 60)
        return ago(days, "a day ago", "%1 days ago");
    if (days < 730)
        return ago(days / 30, "a month ago", "%1 months ago");
    return ago(days / 365, "a year ago", "%1 years ago");
}

QSize VersionCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    return {std::max(160, option.rect.width()), 3 * metrics.height() + 2 * Padding + 2 * Margin + 4};
}

void VersionCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool focused = option.state & QStyle::State_HasFocus;
    const QRectF card = QRectF(option.rect).adjusted(Margin, Margin, -Margin, -Margin);
    QPainterPath outline;
    outline.addRoundedRect(card, Radius, Radius);
    painter->fillPath(outline, selected ? palette.color(QPalette::Highlight).lighter(185) : palette.base());
    painter->setPen(
        QPen(selected || focused ? palette.color(QPalette::Highlight) : palette.color(QPalette::Mid),
             selected ? 2 : 1));
    painter->drawPath(outline);

    const QRect content = card.toRect().adjusted(Padding, Padding - 2, -Padding, -Padding + 2);
    const QFontMetrics metrics(option.font);
    const int line = metrics.height() + 2;
    const QColor text = palette.color(QPalette::Text);
    QColor faint = text;
    faint.setAlphaF(0.6f);

    // Line 1: the version, bold, then alias chips, then a status badge when not ready.
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(text);
    const QString title = QStringLiteral("v%1").arg(index.data(StageLaneModel::VersionRole).toInt());
    QRect titleRect(content.left(), content.top(), content.width(), line);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, title);
    int x = content.left() + QFontMetrics(bold).horizontalAdvance(title) + 8;
    painter->setFont(option.font);
    const auto chip = [&](const QString &label, const QColor &fill, const QColor &ink) {
        const int width = metrics.horizontalAdvance(label) + 10;
        if (x + width > content.right())
            return false;
        const QRectF r(x, titleRect.top() + 1, width, line - 2);
        QPainterPath path;
        path.addRoundedRect(r, (line - 2) / 2.0, (line - 2) / 2.0);
        painter->fillPath(path, fill);
        painter->setPen(ink);
        painter->drawText(r, Qt::AlignCenter, label);
        x += width + 4;
        return true;
    };
    const QString status = index.data(StageLaneModel::StatusRole).toString();
    if (!status.isEmpty() && status != QLatin1String("READY"))
        chip(index.data(StageLaneModel::StatusTextRole).toString(),
             status.startsWith(QLatin1String("FAILED")) ? QColor(0xf8d7da) : QColor(0xfff3cd),
             QColor(0x333333));
    for (const QString &alias : index.data(StageLaneModel::AliasesRole).toStringList()) {
        if (!chip(QLatin1Char('@') + alias, QColor(0xdbeafe), QColor(0x1e3a8a)))
            break;
    }

    // Line 2: the description's first line.
    painter->setPen(text);
    const QString description = index.data(StageLaneModel::DescriptionRole).toString();
    const QRect descriptionRect(content.left(), content.top() + line, content.width(), line);
    if (description.isEmpty()) {
        painter->setPen(faint);
        painter->drawText(descriptionRect, Qt::AlignLeft | Qt::AlignVCenter, tr("No description"));
    } else {
        painter->drawText(descriptionRect, Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(description, Qt::ElideRight, content.width()));
    }

    // Line 3: when it came to this stage and from which run.
    QStringList facts;
    const QVariant updated = index.data(StageLaneModel::LastUpdatedRole);
    if (updated.isValid())
        facts << tr("updated %1").arg(ageText(updated.toLongLong(), QDateTime::currentMSecsSinceEpoch()));
    const QString runId = index.data(StageLaneModel::RunIdRole).toString();
    if (!runId.isEmpty())
        facts << tr("run %1").arg(runId.left(8));
    painter->setPen(faint);
    painter->drawText(QRect(content.left(), content.top() + 2 * line, content.width(), line),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(facts.join(QStringLiteral(" · ")), Qt::ElideRight, content.width()));
    painter->restore();
}
