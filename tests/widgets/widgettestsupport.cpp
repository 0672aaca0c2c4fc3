#include "widgettestsupport.h"

#include "chartspage.h"
#include "comparepage.h"
#include "pagelinks.h"
#include "runspage.h"
#include "runtreemodel.h"

#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>

namespace WidgetTestSupport {

bool showRuns(RunsPage *page, const std::function<void()> &action, int timeout)
{
    QSignalSpy shown(page, &RunsPage::runsShown);
    action();
    // The first rows of a large set come before the rest (runsShown(false)).
    while (shown.isEmpty() || !shown.last().at(0).toBool()) {
        if (!shown.wait(timeout))
            return false;
    }
    return true;
}

QString screenshotPath(const char *variable, const QString &fallback)
{
    const QString path = qEnvironmentVariable(variable);
    return path.isEmpty() ? fallback : path;
}

QString saveScreenshot(QWidget *widget, const QString &path)
{
    if (!widget->grab().save(path))
        return QStringLiteral("cannot write %1").arg(path);
    if (QFileInfo(path).size() == 0)
        return QStringLiteral("%1 is empty").arg(path);
    const QImage image(path);
    if (image.isNull())
        return QStringLiteral("%1 does not read back as an image").arg(path);
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) != first)
                return {};
        }
    }
    return QStringLiteral("%1 is of one colour").arg(path);
}

} // namespace WidgetTestSupport

Browser::Browser() : runs(new RunsPage), charts(new ChartsPage), compare(new ComparePage)
{
    addTab(runs, QStringLiteral("Runs"));
    addTab(charts, QStringLiteral("Charts"));
    addTab(compare, QStringLiteral("Compare"));
    PageLinks::linkCharts(runs, charts);
    PageLinks::linkCompare(runs, compare);
    resize(1500, 900);
}

bool Browser::openStore(const QString &location, const QString &experiment)
{
    return WidgetTestSupport::showRuns(runs, [&] { runs->openStore(location, experiment); });
}

QStringList Browser::idsOf(const QStringList &names) const
{
    QStringList ids;
    const Store::RunTable &table = runs->runModel()->runs();
    for (const QString &name : names) {
        for (int row = 0; row < table.size(); ++row) {
            if (table.run(row).runName == name)
                ids.append(table.run(row).runId);
        }
    }
    return ids;
}
