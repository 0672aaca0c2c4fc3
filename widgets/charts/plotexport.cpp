#include "plotexport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace PlotExport {

static QString tr(const char *text)
{
    return QCoreApplication::translate("PlotExport", text);
}

QString save(ExportablePlot &plot, const QString &path, const QSize &requested)
{
    const QSize size = requested.isValid() && !requested.isEmpty() ? requested : plot.plotSize();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) {
        QImage image(size * 2, QImage::Format_ARGB32_Premultiplied); // crisp on high-DPI screens
        image.setDevicePixelRatio(2);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        plot.renderPlot(painter, size);
        painter.end();
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
            return tr("Cannot write %1: %2.").arg(path, file.errorString());
        return {};
    }
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(plot.plotTitle());
        svg.setDescription(tr("Compared runs exported by Kaizen"));
        QPainter painter;
        if (!painter.begin(&svg))
            return tr("Cannot write %1.").arg(path);
        painter.setRenderHint(QPainter::Antialiasing);
        plot.renderPlot(painter, size);
        if (!painter.end())
            return tr("Cannot write %1.").arg(path);
        return {};
    }
    return tr("Cannot tell what to write from the name %1: use .png or .svg.").arg(path);
}

QString fileFilter()
{
    return tr("PNG image (*.png);;SVG drawing (*.svg)");
}

} // namespace PlotExport
