#pragma once

#include <QSize>
#include <QString>

class QPainter;

// A plot that can draw itself into any painter (a PNG image, an SVG drawing).
class ExportablePlot
{
public:
    virtual ~ExportablePlot() = default;
    virtual QString plotTitle() const = 0;
    virtual QSize plotSize() const = 0;
    // Draws the plot as on screen, scaled into a target of `size`.
    virtual void renderPlot(QPainter &painter, const QSize &size) = 0;
};

// Writes a plot as .png or .svg, chosen by the file's suffix.
namespace PlotExport {

// Returns an empty string on success, otherwise a sentence saying what went wrong.
QString save(ExportablePlot &plot, const QString &path, const QSize &size = {});
// "PNG image (*.png);;SVG drawing (*.svg)"
QString fileFilter();

} // namespace PlotExport
