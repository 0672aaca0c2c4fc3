#include "imagediffview.h"

#include "imagecanvas.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSlider>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

ImageDiffView::ImageDiffView(QWidget *parent)
    : QWidget(parent),
      m_modes(new QButtonGroup(this)),
      m_pages(new QStackedWidget(this)),
      m_leftTitle(new QLabel(this)),
      m_rightTitle(new QLabel(this)),
      m_left(new ImageCanvas(this)),
      m_right(new ImageCanvas(this)),
      m_overlay(new ImageCanvas(this)),
      m_slider(new QSlider(Qt::Horizontal, this)),
      m_blendLabel(new QLabel(this))
{
    auto *modeBar = new QHBoxLayout;
    for (const auto &[mode, text] :
         {std::pair {Mode::SideBySide, tr("Side by side")}, {Mode::Overlay, tr("Overlay")}}) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setCheckable(true);
        button->setAutoRaise(true);
        m_modes->addButton(button, int(mode));
        modeBar->addWidget(button);
    }
    m_modes->button(int(Mode::SideBySide))->setChecked(true);
    modeBar->addStretch();
    connect(m_modes, &QButtonGroup::idClicked, this, [this](int id) { setMode(Mode(id)); });

    auto *sideBySide = new QWidget(this);
    auto *grid = new QGridLayout(sideBySide);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_leftTitle, 0, 0);
    grid->addWidget(m_rightTitle, 0, 1);
    grid->addWidget(m_left, 1, 0);
    grid->addWidget(m_right, 1, 1);

    auto *overlay = new QWidget(this);
    auto *overlayLayout = new QVBoxLayout(overlay);
    overlayLayout->setContentsMargins(0, 0, 0, 0);
    auto *sliderRow = new QHBoxLayout;
    m_slider->setObjectName(QStringLiteral("blendSlider"));
    m_slider->setRange(0, 100);
    m_slider->setValue(50);
    m_slider->setToolTip(tr("0 %: the left image only; 100 %: the right image only"));
    sliderRow->addWidget(new QLabel(tr("Left"), overlay));
    sliderRow->addWidget(m_slider, 1);
    sliderRow->addWidget(new QLabel(tr("Right"), overlay));
    sliderRow->addWidget(m_blendLabel);
    overlayLayout->addLayout(sliderRow);
    overlayLayout->addWidget(m_overlay, 1);
    connect(m_slider, &QSlider::valueChanged, this, &ImageDiffView::updateOverlay);

    m_pages->addWidget(sideBySide);
    m_pages->addWidget(overlay);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(modeBar);
    layout->addWidget(m_pages, 1);
    updateOverlay();
}

QString ImageDiffView::sizeText(const QImage &image) const
{
    return image.isNull() ? QString() : tr("%1 × %2 px").arg(image.width()).arg(image.height());
}

void ImageDiffView::setImages(const QImage &left, const QString &leftTitle, const QImage &right,
                              const QString &rightTitle)
{
    m_leftImage = left;
    m_rightImage = right;
    const auto title = [this](const QString &name, const QImage &image) {
        return image.isNull()
            ? QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped())
            : QStringLiteral("<b>%1</b> &nbsp; %2").arg(name.toHtmlEscaped(), sizeText(image));
    };
    m_leftTitle->setText(title(leftTitle, left));
    m_rightTitle->setText(title(rightTitle, right));
    m_left->setImage(left);
    m_right->setImage(right);
    m_left->setPlaceholderText(tr("Not in %1").arg(leftTitle));
    m_right->setPlaceholderText(tr("Not in %1").arg(rightTitle));
    const bool both = !left.isNull() && !right.isNull();
    m_modes->button(int(Mode::Overlay))->setEnabled(both);
    if (!both)
        setMode(Mode::SideBySide);
    updateOverlay();
}

void ImageDiffView::clear()
{
    setImages({}, QString(), {}, QString());
}

void ImageDiffView::setMode(Mode mode)
{
    m_mode = mode;
    m_modes->button(int(mode))->setChecked(true);
    m_pages->setCurrentIndex(mode == Mode::SideBySide ? 0 : 1);
}

void ImageDiffView::setBlend(int percent)
{
    m_slider->setValue(percent);
}

int ImageDiffView::blend() const
{
    return m_slider->value();
}

QImage ImageDiffView::blended(const QImage &left, const QImage &right, int percent)
{
    const QSize size = left.size().expandedTo(right.size());
    if (size.isEmpty())
        return {};
    const auto centred = [size](const QImage &image) {
        QImage canvas(size, QImage::Format_ARGB32_Premultiplied);
        canvas.fill(Qt::transparent);
        if (!image.isNull()) {
            QPainter painter(&canvas);
            painter.drawImage((size.width() - image.width()) / 2, (size.height() - image.height()) / 2,
                              image);
        }
        return canvas;
    };
    // left × (1 − t) + right × t per premultiplied channel, transparency included.
    QImage result = centred(left);
    const QImage over = centred(right);
    const int t = std::clamp(percent, 0, 100) * 256 / 100;
    for (int y = 0; y < size.height(); ++y) {
        auto *out = reinterpret_cast<uchar *>(result.scanLine(y));
        const auto *in = reinterpret_cast<const uchar *>(over.constScanLine(y));
        for (int i = 0; i < size.width() * 4; ++i)
            out[i] = uchar((out[i] * (256 - t) + in[i] * t) >> 8);
    }
    return result;
}

void ImageDiffView::updateOverlay()
{
    m_blendLabel->setText(tr("%1 %").arg(m_slider->value()));
    m_blended = blended(m_leftImage, m_rightImage, m_slider->value());
    m_overlay->setImage(m_blended);
}
