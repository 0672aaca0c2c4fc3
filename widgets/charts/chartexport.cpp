#include "chartexport.h"

#include "curvechartview.h"
#include "curvecsv.h"
#include "exportdialog.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QSaveFile>

namespace ChartExport {

static QString tr(const char *text)
{
    return QCoreApplication::translate("ChartExport", text);
}

QString saveCsv(const QList<CurveChartView *> &views, const QString &path)
{
    QList<CurveCsv::Entry> entries;
    for (CurveChartView *view : views) {
        for (const ChartCurve &c : view->curves()) {
            if (!c.visible || !c.curve)
                continue;
            // A server's reduction holds a few rows a pixel column: written out, it would pass
            // for the history.
            if (c.curve->series().isReduced())
                return tr("The curves of a database server are read reduced to what the chart "
                          "draws, so a CSV of them would lack rows. Export every row with "
                          "kaizen history STORE RUN_ID KEY --format tsv.");
            entries.append({c.runName, c.curve->seriesPtr()});
        }
    }
    QSaveFile file(path); // all or nothing: never a half-written file
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2.").arg(path, file.errorString());
    if (!CurveCsv::write(file, entries) || !file.commit())
        return tr("Cannot write %1: %2.").arg(path, file.errorString());
    return {};
}

QString save(CurveChartView &view, const QString &path, const QSize &size)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return saveCsv({&view}, path);
    if (suffix == QLatin1String("svg")) {
        if (!view.saveSvg(path, size))
            return tr("Cannot write %1.").arg(path);
        return {};
    }
    if (suffix == QLatin1String("png")) {
        const QImage image = view.renderImage(size);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
            return tr("Cannot write %1: %2.").arg(path, file.errorString());
        return {};
    }
    return tr("Cannot tell what to write from the name %1: use .png, .svg or .csv.").arg(path);
}

QString fileFilter()
{
    return tr("PNG image (*.png);;SVG drawing (*.svg);;CSV data (*.csv)");
}

QFileDialog *createDialog(QWidget *parent, const QString &chartTitle)
{
    QFileDialog *dialog
        = createExportDialog(parent, tr("Export Chart"), fileFilter(), chartTitle, QStringLiteral("chart"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    return dialog;
}

} // namespace ChartExport
