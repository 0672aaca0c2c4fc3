#pragma once

#include <QImage>
#include <QWidget>

class ImageCanvas;
class QButtonGroup;
class QLabel;
class QSlider;
class QStackedWidget;

// Two images compared: side by side, or as one overlay where a slider blends the left image
// into the right one (0 %: the left image, 100 %: the right one). A missing side shows the other
// image alone, side by side.
class ImageDiffView : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { SideBySide, Overlay };

    explicit ImageDiffView(QWidget *parent = nullptr);

    // A null image: that side is absent.
    void setImages(const QImage &left, const QString &leftTitle, const QImage &right,
                   const QString &rightTitle);
    void clear();

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // Percent of the right image in the overlay.
    void setBlend(int percent);
    int blend() const;
    QSlider *blendSlider() const { return m_slider; }
    // What the overlay shows now.
    const QImage &blendedImage() const { return m_blended; }

    // The left image blended into the right one: left × (1 − percent/100) + right × percent/100,
    // both centred on a canvas of the larger width and height.
    static QImage blended(const QImage &left, const QImage &right, int percent);

private:
    void updateOverlay();
    QString sizeText(const QImage &image) const;

    Mode m_mode = Mode::SideBySide;
    QImage m_leftImage;
    QImage m_rightImage;
    QImage m_blended;
    QButtonGroup *m_modes;
    QStackedWidget *m_pages;
    QLabel *m_leftTitle;
    QLabel *m_rightTitle;
    ImageCanvas *m_left;
    ImageCanvas *m_right;
    ImageCanvas *m_overlay;
    QSlider *m_slider;
    QLabel *m_blendLabel;
};
