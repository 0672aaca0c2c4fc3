#include "runcolors.h"
#include "testsupport.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `kaizen plot`: the charts' widget rendering offscreen, run as the real binary without a display.
class TestPlotCommand : public QObject
{
    Q_OBJECT

private:
    struct Outcome
    {
        int exitCode = -1;
        QByteArray out, err;
    };
    static Outcome kaizen(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // plot must choose offscreen itself
        process.setProcessEnvironment(env);
        process.start(TestSupport::kaizenBinary(), arguments);
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }
    // Run ids of the demo store's LLM fine-tuning runs (3000 steps of train/loss each).
    QStringList llmRuns()
    {
        const Outcome o = kaizen({"runs", m_demo, "--format", "json", "--experiment", "llm-finetune"});
        QStringList ids;
        for (const QJsonValue &v : QJsonDocument::fromJson(o.out).array())
            ids.append(v.toObject().value("run_id").toString());
        return ids;
    }
    QStringList plotArguments(const QString &output) const
    {
        QStringList args = {"plot", m_demo};
        for (const QString &id : m_runs)
            args += {"--run", id};
        args += {"--metric", "train/loss", "-o", output};
        return args;
    }

    QTemporaryDir m_dir;
    QString m_demo;
    QStringList m_runs;

private slots:
    void initTestCase();
    void writesPng();
    void writesSvg();
    void writesEveryPointAsCsv();
    void optionsAreAccepted();
    void badArguments_data();
    void badArguments();
    void unreadableStore();
};

void TestPlotCommand::initTestCase()
{
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
    m_runs = llmRuns();
    QCOMPARE(m_runs.size(), 3);
}

void TestPlotCommand::writesPng()
{
    const QString png = m_dir.filePath(QStringLiteral("loss.png"));
    QStringList args = plotArguments(png);
    args += {"--size", "900x500"};
    const Outcome o = kaizen(args);
    QCOMPARE(o.exitCode, 0);
    QImage image(png);
    QCOMPARE(image.size(), QSize(900, 500));
    // Every run's colour is on the picture: the lines were drawn, not an empty frame.
    image = image.convertToFormat(QImage::Format_ARGB32);
    for (const QString &id : std::as_const(m_runs)) {
        const QRgb colour = RunColors::color(id).rgb();
        int count = 0;
        for (int y = 0; y < image.height(); ++y) {
            const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = 0; x < image.width(); ++x)
                count += (line[x] & 0xffffff) == (colour & 0xffffff);
        }
        QVERIFY2(count > 100, qPrintable(id));
    }
}

void TestPlotCommand::writesSvg()
{
    const QString svg = m_dir.filePath(QStringLiteral("loss.svg"));
    QCOMPARE(kaizen(plotArguments(svg)).exitCode, 0);
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("train/loss"));
}

void TestPlotCommand::writesEveryPointAsCsv()
{
    const QString csv = m_dir.filePath(QStringLiteral("loss.csv"));
    QCOMPARE(kaizen(plotArguments(csv)).exitCode, 0);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.first(), QByteArray("run_id,run_name,key,step,timestamp,value"));
    // The same rows as `kaizen history`, run by run, in the same order.
    int row = 1;
    for (const QString &id : std::as_const(m_runs)) {
        const Outcome h = kaizen({"history", m_demo, id, "train/loss", "--format", "json"});
        const QJsonArray points = QJsonDocument::fromJson(h.out).array();
        QVERIFY(points.size() >= 3000);
        for (const QJsonValue &p : points) {
            const QList<QByteArray> fields = lines.at(row++).split(',');
            QCOMPARE(fields.size(), 6);
            QCOMPARE(fields[0], id.toLatin1());
            QCOMPARE(fields[2], QByteArray("train/loss"));
            QCOMPARE(fields[3].toLongLong(), p.toObject().value("step").toInteger());
            QCOMPARE(fields[4].toLongLong(), p.toObject().value("timestamp").toInteger());
            QCOMPARE(fields[5].toDouble(), p.toObject().value("value").toDouble());
        }
    }
    QCOMPARE(row, lines.size());
}

void TestPlotCommand::optionsAreAccepted()
{
    const QString png = m_dir.filePath(QStringLiteral("options.png"));
    QStringList args = plotArguments(png);
    args += {"--metric", "val/loss",          "--x",          "relative", "--smoothing", "0.8",
             "--log-y",  "--ignore-outliers", "--decimation", "none",     "--size",      "640x400"};
    const Outcome o = kaizen(args);
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(QImage(png).size(), QSize(640, 400));
}

void TestPlotCommand::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("wording");
    QTest::addRow("no run") << QStringList {"plot", "STORE", "--metric", "m", "-o", "x.png"}
                            << QByteArray("--run");
    QTest::addRow("no metric") << QStringList {"plot", "STORE", "--run", "RUN", "-o", "x.png"}
                               << QByteArray("--metric");
    QTest::addRow("no output") << QStringList {"plot", "STORE", "--run", "RUN", "--metric", "m"}
                               << QByteArray("-o");
    QTest::addRow("bad suffix") << QStringList {"plot",     "STORE", "--run", "RUN",
                                                "--metric", "m",     "-o",    "x.jpg"}
                                << QByteArray(".png");
    QTest::addRow("bad size") << QStringList {"plot", "STORE", "--run", "RUN",    "--metric",
                                              "m",    "-o",    "x.png", "--size", "wide"}
                              << QByteArray("--size");
    QTest::addRow("bad x") << QStringList {"plot", "STORE", "--run", "RUN", "--metric",
                                           "m",    "-o",    "x.png", "--x", "epoch"}
                           << QByteArray("x axis");
    QTest::addRow("bad smoothing") << QStringList {"plot", "STORE", "--run", "RUN",         "--metric",
                                                   "m",    "-o",    "x.png", "--smoothing", "1.5"}
                                   << QByteArray("--smoothing");
    QTest::addRow("unknown run") << QStringList {"plot",     "STORE",
                                                 "--run",    "0123456789abcdef0123456789abcdef",
                                                 "--metric", "train/loss",
                                                 "-o",       "x.png"}
                                 << QByteArray("0123456789abcdef0123456789abcdef");
    QTest::addRow("no such metric") << QStringList {"plot",     "STORE",   "--run", "RUN",
                                                    "--metric", "no/such", "-o",    "x.png"}
                                    << QByteArray("nothing to plot");
}

void TestPlotCommand::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, wording);
    arguments.replaceInStrings(QStringLiteral("STORE"), m_demo);
    arguments.replaceInStrings(QStringLiteral("RUN"), m_runs.first());
    arguments.replaceInStrings(QStringLiteral("x.png"), m_dir.filePath(QStringLiteral("x.png")));
    const Outcome o = kaizen(arguments);
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(wording), o.err.constData());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.png"))));
}

void TestPlotCommand::unreadableStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("these are my notes, not a database");
    file.close();
    const Outcome o = kaizen({"plot", path, "--run", "r", "--metric", "m", "-o", dir.filePath("x.png")});
    QCOMPARE(o.exitCode, 3);
    QVERIFY(o.err.contains("not a SQLite database"));
}

QTEST_GUILESS_MAIN(TestPlotCommand)
#include "tst_plotcommand.moc"
