#include "imagepreview.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
#include <QSvgRenderer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {

constexpr double ZoomStep = 1.25;
// A zoomed image is never drawn larger than this many pixels a side.
constexpr int MaxCanvasSide = 16384;

} // namespace

ImagePreview::ImagePreview(QWidget *parent)
    : QWidget(parent), m_scroll(new QScrollArea(this)), m_canvas(new QLabel), m_zoomLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("imagePreview"));
    m_canvas->setObjectName(QStringLiteral("imageCanvas"));
    m_canvas->setAlignment(Qt::AlignCenter);
    m_scroll->setWidget(m_canvas);
    m_scroll->setWidgetResizable(true);
    m_scroll->setBackgroundRole(QPalette::Dark);
    m_scroll->viewport()->installEventFilter(this);
    m_zoomLabel->setObjectName(QStringLiteral("imageZoom"));
    m_zoomLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // Wide enough for any size and zoom, so that the tool row does not jump as they change.
    m_zoomLabel->setMinimumWidth(
        m_zoomLabel->fontMetrics().horizontalAdvance(tr("%1 × %2 px · %3 %")
                                                         .arg(QStringLiteral("00000"))
                                                         .arg(QStringLiteral("00000"))
                                                         .arg(QStringLiteral("1600"))));

    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(4, 0, 4, 0);
    const auto button = [this, tools](QAction *action) {
        auto *tool = new QToolButton(this);
        tool->setDefaultAction(action);
        tools->addWidget(tool);
    };
    button(addZoomAction(tr("Zoom Out"), {QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut},
                         [this] { zoomOut(); }));
    button(addZoomAction(tr("Zoom In"),
                         {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn},
                         [this] { zoomIn(); }));
    button(addZoomAction(tr("100 %"), {QKeySequence(Qt::Key_1), QKeySequence(Qt::CTRL | Qt::Key_0)},
                         [this] { setZoom(1.0); }));
    button(addZoomAction(tr("Fit"), {QKeySequence(Qt::Key_F)}, [this] { fitToWindow(); }));
    tools->addStretch(1);
    tools->addWidget(m_zoomLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(m_scroll, 1);
}

ImagePreview::~ImagePreview() = default;

QAction *ImagePreview::addZoomAction(const QString &text, const QList<QKeySequence> &keys,
                                     const std::function<void()> &slot)
{
    auto *action = new QAction(text, this);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(
        QStringLiteral("%1 (%2)").arg(text, keys.constFirst().toString(QKeySequence::NativeText)));
    connect(action, &QAction::triggered, this, slot);
    addAction(action);
    return action;
}

void ImagePreview::clear()
{
    m_zoom = 1.0;
    m_image = {};
    m_svg.reset();
    m_imageSize = {};
    m_canvas->clear();
    m_zoomLabel->clear();
}

void ImagePreview::setImage(const QImage &image)
{
    clear();
    m_image = image;
    m_imageSize = image.size();
    m_fit = true;
    applyZoom(fitZoom());
}

bool ImagePreview::setSvg(const QByteArray &svg)
{
    clear();
    auto renderer = std::make_unique<QSvgRenderer>(svg);
    if (!renderer->isValid() || renderer->defaultSize().isEmpty())
        return false;
    m_svg = std::move(renderer);
    m_imageSize = m_svg->defaultSize();
    m_fit = true;
    applyZoom(fitZoom());
    return true;
}

QSize ImagePreview::shownSize() const
{
    return m_canvas->pixmap().deviceIndependentSize().toSize();
}

double ImagePreview::fitZoom() const
{
    if (m_imageSize.isEmpty())
        return 1.0;
    const QSize room = m_scroll->viewport()->size() - QSize(8, 8);
    const double fit
        = std::min(double(room.width()) / m_imageSize.width(), double(room.height()) / m_imageSize.height());
    return std::clamp(fit, MinZoom, 1.0); // shrink a large image, never blow up a small one
}

void ImagePreview::zoomIn()
{
    setZoom(m_zoom * ZoomStep);
}

void ImagePreview::zoomOut()
{
    setZoom(m_zoom / ZoomStep);
}

void ImagePreview::setZoom(double zoom)
{
    m_fit = false;
    applyZoom(zoom);
}

void ImagePreview::fitToWindow()
{
    m_fit = true;
    applyZoom(fitZoom());
}

void ImagePreview::applyZoom(double zoom)
{
    if (m_imageSize.isEmpty())
        return;
    const double largest = double(MaxCanvasSide) / std::max(m_imageSize.width(), m_imageSize.height());
    zoom = std::clamp(zoom, MinZoom, std::min(MaxZoom, std::max(largest, MinZoom)));
    if (zoom == m_zoom && !m_canvas->pixmap().isNull())
        return;
    const QSize size(std::max(1, int(std::lround(m_imageSize.width() * zoom))),
                     std::max(1, int(std::lround(m_imageSize.height() * zoom))));
    if (m_svg) {
        QImage canvas(size, QImage::Format_ARGB32_Premultiplied);
        canvas.fill(Qt::white); // most plots assume a white page
        QPainter painter(&canvas);
        m_svg->render(&painter);
        painter.end();
        m_canvas->setPixmap(QPixmap::fromImage(canvas));
    } else {
        // Enlarged pixels stay sharp (a confusion matrix, a small chart); shrinking smooths.
        const Qt::TransformationMode mode = zoom < 1.0 ? Qt::SmoothTransformation : Qt::FastTransformation;
        m_canvas->setPixmap(
            QPixmap::fromImage(zoom == 1.0 ? m_image : m_image.scaled(size, Qt::IgnoreAspectRatio, mode)));
    }
    m_zoom = zoom;
    m_zoomLabel->setText(tr("%1 × %2 px · %3 %")
                             .arg(m_imageSize.width())
                             .arg(m_imageSize.height())
                             .arg(std::lround(zoom * 100)));
    emit zoomChanged(zoom);
}

bool ImagePreview::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize && m_fit) {
        applyZoom(fitZoom()); // the room to fit in changed (shown, resized, scroll bars)
        return false;
    }
    if (watched == m_scroll->viewport() && event->type() == QEvent::Wheel) {
        auto *wheel = static_cast<QWheelEvent *>(event);
        if (wheel->modifiers() & Qt::ControlModifier) {
            const int delta = wheel->angleDelta().y();
            if (delta != 0)
                setZoom(m_zoom * std::pow(ZoomStep, delta / 120.0));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
