#pragma once

#include <QImage>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QScrollArea;
class QSvgRenderer;

// A raster image or an SVG, zoomable: Ctrl+wheel, + and -, 100 % (1 or Ctrl+0) and fit to the
// window (F, the default: large images shrink to fit, small ones stay at 100 %). An SVG is
// re-rendered at each zoom, so it stays sharp.
class ImagePreview : public QWidget
{
    Q_OBJECT
public:
    static constexpr double MinZoom = 0.05;
    static constexpr double MaxZoom = 16.0;

    explicit ImagePreview(QWidget *parent = nullptr);
    ~ImagePreview() override;

    void setImage(const QImage &image);
    // False (and nothing shown) when `svg` does not parse as SVG.
    bool setSvg(const QByteArray &svg);
    void clear();

    // The image's own size (an SVG's default size).
    QSize imageSize() const { return m_imageSize; }
    // The size drawn at the current zoom.
    QSize shownSize() const;
    double zoom() const { return m_zoom; }
    bool isFitToWindow() const { return m_fit; }

    void zoomIn();
    void zoomOut();
    void setZoom(double zoom); // leaves fit-to-window
    void fitToWindow();

signals:
    void zoomChanged(double zoom);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyZoom(double zoom);
    double fitZoom() const;
    QAction *addZoomAction(const QString &text, const QList<QKeySequence> &keys,
                           const std::function<void()> &slot);

    QScrollArea *m_scroll;
    QLabel *m_canvas;
    QLabel *m_zoomLabel;
    QImage m_image;
    std::unique_ptr<QSvgRenderer> m_svg;
    QSize m_imageSize;
    double m_zoom = 1.0;
    bool m_fit = true;
};
