#include "themedicon.h"

#include <QIconEngine>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

namespace ThemedIcon {

namespace {

class SvgTintEngine : public QIconEngine
{
public:
    SvgTintEngine(const QString &path, const QPalette &palette)
        : m_path(path),
          m_normal(palette.color(QPalette::Active, QPalette::WindowText)),
          m_disabled(palette.color(QPalette::Disabled, QPalette::WindowText))
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawImage(rect, render(rect.size() * ratio, ratio, mode));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override
    {
        return QPixmap::fromImage(render(size, 1.0, mode));
    }

    // `size` is in device pixels already (QIcon::pixmap(size, ratio) asks for size * ratio).
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        return QPixmap::fromImage(render(size, scale, mode));
    }

    QIconEngine *clone() const override { return new SvgTintEngine(*this); }
    QString key() const override { return QStringLiteral("KaizenSvgTint"); }

private:
    // The SVG's shapes in the colour of `mode`, `pixels` wide and high, for a display at `ratio`.
    QImage render(const QSize &pixels, qreal ratio, QIcon::Mode mode) const
    {
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QSvgRenderer renderer(m_path);
        if (!renderer.isValid() || image.isNull())
            return image;
        QPainter painter(&image);
        renderer.render(&painter);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(image.rect(), mode == QIcon::Disabled ? m_disabled : m_normal);
        painter.end();
        image.setDevicePixelRatio(ratio);
        return image;
    }

    QString m_path;
    QColor m_normal;
    QColor m_disabled;
};

} // namespace

QIcon fromSvg(const QString &path, const QPalette &palette)
{
    return QIcon(new SvgTintEngine(path, palette));
}

} // namespace ThemedIcon
