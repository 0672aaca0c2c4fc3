#include "imagecanvas.h"

#include <QPainter>

ImageCanvas::ImageCanvas(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(80, 60);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ImageCanvas::setImage(const QImage &image)
{
    m_image = image;
    update();
}

void ImageCanvas::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    update();
}

void ImageCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect area = rect().adjusted(4, 4, -4, -4);
    if (m_image.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const QSize fitted = m_image.size().scaled(area.size(), Qt::KeepAspectRatio);
    const double factor = double(fitted.width()) / m_image.width();
    // Enlarge small images by whole factors only, so that their pixels stay square and crisp.
    const QSize shown = factor > 1 ? m_image.size() * std::max(1, int(factor)) : fitted;
    QRect target(QPoint(), shown);
    target.moveCenter(area.center());
    QPixmap checker(16, 16);
    checker.fill(QColor(0xee, 0xee, 0xee));
    QPainter checkerPainter(&checker);
    checkerPainter.fillRect(0, 0, 8, 8, QColor(0xcc, 0xcc, 0xcc));
    checkerPainter.fillRect(8, 8, 8, 8, QColor(0xcc, 0xcc, 0xcc));
    checkerPainter.end();
    painter.fillRect(target, QBrush(checker));
    painter.setRenderHint(QPainter::SmoothPixmapTransform, factor < 1);
    painter.drawImage(target, m_image);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(target.adjusted(0, 0, -1, -1));
}
