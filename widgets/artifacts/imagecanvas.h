#pragma once

#include <QImage>
#include <QWidget>

// Shows an image scaled to fit (small ones enlarged with crisp pixels), centred on a
// checkerboard so that transparency shows; a placeholder text when there is no image.
class ImageCanvas : public QWidget
{
    Q_OBJECT
public:
    explicit ImageCanvas(QWidget *parent = nullptr);

    void setImage(const QImage &image);
    const QImage &image() const { return m_image; }
    void setPlaceholderText(const QString &text);

    QSize sizeHint() const override { return {240, 180}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QImage m_image;
    QString m_placeholder;
};
