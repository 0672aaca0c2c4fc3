#include "demostore.h"

#include "storebuilder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <numbers>

namespace Store {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::DemoStore", text);
}

// A fixed clock keeps the demo store byte-for-byte reproducible: 2025-03-03 09:00:00 UTC.
constexpr qint64 BaseTime = 1740992400000;
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

// Seeded noise for the curves and values.
class Noise
{
public:
    explicit Noise(quint32 seed) : m_random(seed) { }

    double uniform(double low, double high) { return low + (high - low) * m_random.generateDouble(); }
    int bounded(int high) { return int(m_random.bounded(high)); }
    double gaussian(double sigma = 1.0)
    {
        // Box-Muller; 1 - u keeps the logarithm finite.
        const double u = 1.0 - m_random.generateDouble();
        const double v = m_random.generateDouble();
        return sigma * std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
    }
    QString hex(int digits)
    {
        QString text;
        while (text.size() < digits)
            text += QStringLiteral("%1").arg(m_random.generate(), 8, 16, QLatin1Char('0'));
        return text.left(digits);
    }

private:
    QRandomGenerator m_random;
};

QString utcText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz000"));
}

// ---------------------------------------------------------------------------------------------
// Artifact contents. Qt Core only: text, JSON, CSV, a pickle and a PNG written by hand.

quint32 crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 crc = 0xffffffffu;
    for (const char byte : data)
        crc = table[(crc ^ quint8(byte)) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

void appendBigEndian32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

// A truecolour PNG; qCompress yields a zlib stream behind a 4-byte length, which IDAT wants.
QByteArray pngImage(int width, int height, const std::function<std::array<quint8, 3>(int x, int y)> &pixel)
{
    QByteArray raw;
    raw.reserve((width * 3 + 1) * height);
    for (int y = 0; y < height; ++y) {
        raw.append('\0'); // filter type None
        for (int x = 0; x < width; ++x) {
            const auto rgb = pixel(x, y);
            raw.append(char(rgb[0])).append(char(rgb[1])).append(char(rgb[2]));
        }
    }
    const auto chunk = [](QByteArray &png, const char *type, const QByteArray &data) {
        appendBigEndian32(png, quint32(data.size()));
        const QByteArray typed = QByteArray(type, 4) + data;
        png += typed;
        appendBigEndian32(png, crc32(typed));
    };
    QByteArray header;
    appendBigEndian32(header, quint32(width));
    appendBigEndian32(header, quint32(height));
    header.append(char(8)).append(char(2)).append(char(0)).append(char(0)).append(char(0));
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    chunk(png, "IHDR", header);
    chunk(png, "IDAT", qCompress(raw, 9).mid(4));
    chunk(png, "IEND", {});
    return png;
}

using Matrix = QList<QList<int>>;

Matrix confusionMatrix(double accuracy, Noise &noise)
{
    Matrix m(10, QList<int>(10, 0));
    for (int row = 0; row < 10; ++row) {
        const int total = 980 + noise.bounded(160);
        const double classAccuracy = std::clamp(accuracy + noise.gaussian(0.004), 0.5, 0.9995);
        int wrong = total - int(std::lround(total * classAccuracy));
        m[row][row] = total - wrong;
        while (wrong-- > 0) {
            int column = noise.bounded(9);
            column += column >= row ? 1 : 0;
            ++m[row][column];
        }
    }
    return m;
}

// Rows are true classes, columns predictions; white to blue by share of the row.
QByteArray confusionMatrixPng(const Matrix &m)
{
    constexpr int Cell = 24;
    return pngImage(10 * Cell, 10 * Cell, [&m](int x, int y) -> std::array<quint8, 3> {
        if (x % Cell == 0 || y % Cell == 0)
            return {200, 200, 200};
        const QList<int> &row = m[y / Cell];
        int total = 0;
        for (int v : row)
            total += v;
        const double share = std::sqrt(double(row[x / Cell]) / std::max(total, 1));
        return {quint8(255 - 225 * share), quint8(255 - 160 * share), 255};
    });
}

// A real pickle (protocol 4) of {"weights": [floats]}, small and loadable.
QByteArray picklePayload(const QList<double> &weights)
{
    QByteArray out("\x80\x04}(\x8c\x07weights](", 15);
    for (double w : weights) {
        out.append('G');
        char bytes[8];
        qToBigEndian(w, bytes);
        out.append(bytes, 8);
    }
    out.append("eu.");
    return out;
}

QByteArray mlmodelYaml(const QString &runId, const QString &flavor, const QString &flavorVersion,
                       qint64 created, const QString &modelUuid, qint64 size)
{
    QString yaml = QStringLiteral("artifact_path: model\n"
                                  "flavors:\n"
                                  "  python_function:\n"
                                  "    env:\n"
                                  "      conda: conda.yaml\n"
                                  "      virtualenv: python_env.yaml\n"
                                  "    loader_module: mlflow.%1\n"
                                  "    model_path: model.pkl\n"
                                  "    predict_fn: predict\n"
                                  "    python_version: 3.11.9\n"
                                  "  %1:\n"
                                  "    code: null\n"
                                  "    pickled_model: model.pkl\n"
                                  "    serialization_format: cloudpickle\n"
                                  "    %1_version: %2\n"
                                  "mlflow_version: 3.9.0\n"
                                  "model_size_bytes: %3\n"
                                  "model_uuid: %4\n"
                                  "run_id: %5\n"
                                  "utc_time_created: '%6'\n")
                       .arg(flavor, flavorVersion)
                       .arg(size)
                       .arg(modelUuid, runId, utcText(created));
    return yaml.toUtf8();
}

QString logModelHistory(const QString &runId, const QString &flavor, qint64 created, const QString &modelUuid)
{
    const QJsonObject entry {
        {QStringLiteral("run_id"), runId},
        {QStringLiteral("artifact_path"), QStringLiteral("model")},
        {QStringLiteral("utc_time_created"), utcText(created)},
        {QStringLiteral("model_uuid"), modelUuid},
        {QStringLiteral("flavors"),
         QJsonObject {{QStringLiteral("python_function"), QJsonObject()}, {flavor, QJsonObject()}}}};
    return QString::fromUtf8(QJsonDocument(QJsonArray {entry}).toJson(QJsonDocument::Compact));
}

// ---------------------------------------------------------------------------------------------

struct DemoRun
{
    QString id {};
    QString name {};
    qint64 start = 0;
    qint64 end = 0;
    double score = 0; // accuracy or rmse, what the registry picks by
};

class DemoWriter
{
public:
    DemoWriter(StoreBuilder &builder, const DemoStoreOptions &options)
        : m_b(builder), m_noise(options.seed * 2654435761u + 17u), m_options(options)
    {
        m_options.curveSteps = std::max(m_options.curveSteps, 30);
    }

    Error write()
    {
        mnist();
        gbm();
        llm();
        oldBaseline();
        registry();
        if (m_b.hasError())
            return m_b.error();
        return m_artifactError;
    }

private:
    StoreBuilder &m_b;
    Noise m_noise;
    DemoStoreOptions m_options;
    Error m_artifactError;
    QList<DemoRun> m_mnistRuns; // standalone runs, then the best child last
    DemoRun m_mnistBestChild;
    QList<DemoRun> m_gbmModels; // runs registered as housing-regressor versions

    QString commit() { return m_noise.hex(40); }

    void sourceTags(TagList &tags, const QString &sourceName, const QString &sourceType,
                    const QString &gitCommit)
    {
        tags.append({QStringLiteral("mlflow.source.name"), sourceName});
        tags.append({QStringLiteral("mlflow.source.type"), sourceType});
        tags.append({QStringLiteral("mlflow.source.git.commit"), gitCommit});
    }

    void writeArtifact(const QString &runId, const QString &relativePath, const QByteArray &content)
    {
        if (!m_options.withArtifacts || !m_artifactError.ok())
            return;
        const QString path = m_b.runArtifactUri(runId) + QLatin1Char('/') + relativePath;
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
            m_artifactError = Error::make(Error::Io,
                                          tr("Cannot write the demo artifact %1: %2")
                                              .arg(QDir::toNativeSeparators(path), file.errorString()));
        }
    }

    // model/ as mlflow.<flavor>.log_model leaves it, plus the run tag that lists logged models.
    void logModel(const DemoRun &run, const QString &flavor, const QString &flavorVersion,
                  const QString &requirements)
    {
        const qint64 created = run.end - 20 * Second;
        const QString modelUuid = m_noise.hex(32);
        m_b.setTag(run.id, QStringLiteral("mlflow.log-model.history"),
                   logModelHistory(run.id, flavor, created, modelUuid));
        QList<double> weights;
        for (int i = 0; i < 48; ++i)
            weights.append(m_noise.gaussian(0.1));
        const QByteArray pickle = picklePayload(weights);
        writeArtifact(run.id, QStringLiteral("model/model.pkl"), pickle);
        writeArtifact(run.id, QStringLiteral("model/MLmodel"),
                      mlmodelYaml(run.id, flavor, flavorVersion, created, modelUuid, pickle.size()));
        writeArtifact(run.id, QStringLiteral("model/requirements.txt"), requirements.toUtf8());
        writeArtifact(
            run.id, QStringLiteral("model/python_env.yaml"),
            "python: 3.11.9\nbuild_dependencies:\n- pip==24.2\ndependencies:\n- -r requirements.txt\n");
    }

    void logParams(const QString &runId, const TagList &params)
    {
        for (const auto &[key, value] : params)
            m_b.logParam(runId, key, value);
    }

    QPair<QString, QString> datasets(qint64 experimentId, const QString &name, const QString &sourceType,
                                     const QString &trainSource, const QString &validationSource,
                                     const QString &schema, int trainRows, int validationRows)
    {
        const auto profile = [](int rows) { return QStringLiteral(R"({"num_rows": %1})").arg(rows); };
        const QString train = m_b.addDataset({.experimentId = experimentId,
                                              .name = name + QStringLiteral("-train"),
                                              .digest = m_noise.hex(8),
                                              .sourceType = sourceType,
                                              .source = trainSource,
                                              .schema = schema,
                                              .profile = profile(trainRows)});
        const QString validation = m_b.addDataset({.experimentId = experimentId,
                                                   .name = name + QStringLiteral("-validation"),
                                                   .digest = m_noise.hex(8),
                                                   .sourceType = sourceType,
                                                   .source = validationSource,
                                                   .schema = schema,
                                                   .profile = profile(validationRows)});
        return {train, validation};
    }

    // -- mnist-cnn: a learning-rate x batch-size sweep under one parent, and standalone runs.
    void mnist()
    {
        const qint64 created = BaseTime;
        const qint64 experiment
            = m_b.addExperiment({.name = QStringLiteral("mnist-cnn"),
                                 .creationTime = created,
                                 .description = QStringLiteral(
                                     "# MNIST CNN\n\nSmall convolutional nets on MNIST.\n\n"
                                     "* `lr-batch-sweep` is a 3 x 3 grid over learning rate and batch "
                                     "size (nested runs).\n* Target: **99.2 %** validation accuracy.\n"),
                                 .tags = {{QStringLiteral("project"), QStringLiteral("digits")}}});
        const auto [train, validation] = datasets(
            experiment, QStringLiteral("mnist"), QStringLiteral("hugging_face"),
            QStringLiteral(R"({"path": "ylecun/mnist", "config_name": "mnist", "split": "train"})"),
            QStringLiteral(R"({"path": "ylecun/mnist", "config_name": "mnist", "split": "test"})"),
            QStringLiteral(R"({"mlflow_colspec": [{"type": "binary", "name": "image", "required": true}, )"
                           R"({"type": "long", "name": "label", "required": true}]})"),
            60000, 10000);
        const QString gitCommit = commit();
        const QString user = QStringLiteral("ada");

        const auto addRun
            = [&](const QString &name, qint64 start, const QString &parent, const QString &note) {
                  TagList tags;
                  sourceTags(tags, QStringLiteral("train_mnist.py"), QStringLiteral("LOCAL"), gitCommit);
                  tags.append({QStringLiteral("framework"), QStringLiteral("pytorch")});
                  tags.append({QStringLiteral("gpu"), QStringLiteral("RTX 4090")});
                  const QString id = m_b.addRun({.experimentId = experiment,
                                                 .name = name,
                                                 .userId = user,
                                                 .status = QStringLiteral("RUNNING"),
                                                 .startTime = start,
                                                 .parentRunId = parent,
                                                 .note = note,
                                                 .tags = tags});
                  m_b.logInput(id, train, QStringLiteral("training"));
                  m_b.logInput(id, validation, QStringLiteral("validation"));
                  return id;
              };

        // Ten epochs of curves that approach `accuracy`; returns the best validation accuracy.
        const auto logEpochs = [&](const QString &id, qint64 start, double lr, int batchSize,
                                   double accuracy) {
            constexpr int Epochs = 10;
            const qint64 epochTime = (40 + 2560 / batchSize) * Second;
            const double speed = 0.35 + 0.25 * std::log10(lr / 0.0001);
            double best = 0;
            for (int epoch = 0; epoch < Epochs; ++epoch) {
                const double progress = 1.0 - std::exp(-speed * (epoch + 1));
                const double trainLoss = 0.02 + 2.28 * (1.0 - progress) + std::abs(m_noise.gaussian(0.01));
                const double valAccuracy
                    = std::min(0.9995, 0.1 + (accuracy - 0.1) * progress + m_noise.gaussian(0.0015));
                const double valLoss = 0.03 + 2.2 * (1.0 - progress) + 0.02 * epoch / Epochs
                    + std::abs(m_noise.gaussian(0.012));
                const qint64 t = start + (epoch + 1) * epochTime;
                m_b.logMetric(id, QStringLiteral("train_loss"), trainLoss, t, epoch);
                m_b.logMetric(id, QStringLiteral("val_loss"), valLoss, t + 3 * Second, epoch);
                m_b.logMetric(id, QStringLiteral("val_accuracy"), valAccuracy, t + 3 * Second, epoch);
                m_b.logMetric(id, QStringLiteral("learning_rate"), epoch < 5 ? lr : lr / 2, t, epoch);
                best = std::max(best, valAccuracy);
            }
            return std::pair {best, start + Epochs * epochTime + 10 * Second};
        };
        const auto mnistParams = [](double lr, int batchSize, int convLayers, double dropout, bool augment) {
            return TagList {
                {QStringLiteral("learning_rate"), QString::number(lr)},
                {QStringLiteral("batch_size"), QString::number(batchSize)},
                {QStringLiteral("epochs"), QStringLiteral("10")},
                {QStringLiteral("optimizer"), QStringLiteral("adam")},
                {QStringLiteral("conv_layers"), QString::number(convLayers)},
                {QStringLiteral("dropout"), QString::number(dropout)},
                {QStringLiteral("augment"), augment ? QStringLiteral("true") : QStringLiteral("false")}};
        };
        const auto artifacts = [&](const DemoRun &run, double accuracy) {
            logModel(run, QStringLiteral("pytorch"), QStringLiteral("2.5.1"),
                     QStringLiteral("mlflow==3.9.0\ntorch==2.5.1\ntorchvision==0.20.1\nnumpy==2.1.3\n"));
            Noise matrixNoise(quint32(accuracy * 1e6));
            const Matrix matrix = confusionMatrix(accuracy, matrixNoise);
            writeArtifact(run.id, QStringLiteral("confusion_matrix.png"), confusionMatrixPng(matrix));
            QJsonObject report;
            for (int digit = 0; digit < 10; ++digit) {
                int total = 0;
                for (int v : matrix[digit])
                    total += v;
                report.insert(QString::number(digit),
                              QJsonObject {{QStringLiteral("recall"), double(matrix[digit][digit]) / total},
                                           {QStringLiteral("support"), total}});
            }
            writeArtifact(run.id, QStringLiteral("classification_report.json"),
                          QJsonDocument(report).toJson());
        };

        // Standalone runs first: a baseline and two later improvements.
        struct Standalone
        {
            const char *name;
            double lr;
            int batchSize, convLayers;
            double dropout;
            bool augment;
            double accuracy;
            const char *note;
        };
        const Standalone standalone[] = {
            {"baseline-mlp", 0.001, 64, 0, 0.0, false, 0.978, "Plain two-layer MLP, **no** convolutions."},
            {"cnn-dropout", 0.001, 64, 2, 0.3, false, 0.9915, nullptr},
            {"cnn-augment", 0.001, 64, 2, 0.3, true, 0.9932, nullptr},
        };
        qint64 start = created + 2 * Hour;
        const auto standaloneRun = [&](const Standalone &s) {
            DemoRun run {.name = QLatin1String(s.name), .start = start};
            run.id = addRun(run.name, start, {}, s.note ? QLatin1String(s.note) : QString());
            logParams(run.id, mnistParams(s.lr, s.batchSize, s.convLayers, s.dropout, s.augment));
            const auto [best, end] = logEpochs(run.id, start, s.lr, s.batchSize, s.accuracy);
            run.end = end;
            run.score = best;
            m_b.logMetric(run.id, QStringLiteral("test_accuracy"), best - 0.0008, end, 0);
            artifacts(run, s.accuracy);
            start = end + 25 * Minute;
            return run;
        };
        m_mnistRuns.append(standaloneRun(standalone[0]));

        // The sweep: children run one after another inside the parent's time span.
        const qint64 parentStart = start;
        const QString parent = m_b.addRun({.experimentId = experiment,
                                           .name = QStringLiteral("lr-batch-sweep"),
                                           .userId = user,
                                           .status = QStringLiteral("RUNNING"),
                                           .startTime = parentStart});
        {
            TagList tags;
            sourceTags(tags, QStringLiteral("sweep_mnist.py"), QStringLiteral("LOCAL"), gitCommit);
            for (const auto &[key, value] : tags)
                m_b.setTag(parent, key, value);
            m_b.setTag(parent, QStringLiteral("mlflow.note.content"),
                       QStringLiteral("## Sweep\n\nGrid over `learning_rate` in {0.1, 0.01, 0.001} and "
                                      "`batch_size` in {32, 64, 128}.\nChildren are nested runs."));
            logParams(parent,
                      {{QStringLiteral("search"), QStringLiteral("grid")},
                       {QStringLiteral("n_trials"), QStringLiteral("9")},
                       {QStringLiteral("epochs"), QStringLiteral("10")}});
        }
        qint64 childStart = parentStart + 30 * Second;
        DemoRun best;
        QString results = QStringLiteral("run_name,learning_rate,batch_size,best_val_accuracy\n");
        for (const double lr : {0.1, 0.01, 0.001}) {
            for (const int batchSize : {32, 64, 128}) {
                const double accuracy = (lr == 0.1        ? 0.962
                                             : lr == 0.01 ? 0.9905
                                                          : 0.9855)
                    - (batchSize == 128      ? 0.002
                           : batchSize == 32 ? 0.0008
                                             : 0.0)
                    + m_noise.gaussian(0.0007);
                DemoRun child {.name = QStringLiteral("lr=%1,bs=%2").arg(lr).arg(batchSize),
                               .start = childStart};
                child.id = addRun(child.name, childStart, parent, {});
                logParams(child.id, mnistParams(lr, batchSize, 2, 0.25, false));
                const auto [childBest, end] = logEpochs(child.id, childStart, lr, batchSize, accuracy);
                child.end = end;
                child.score = childBest;
                m_b.setTag(child.id, QStringLiteral("trial"),
                           QString::number(results.count(QLatin1Char('\n'))));
                finishRun(child);
                results += QStringLiteral("\"%1\",%2,%3,%4\n")
                               .arg(child.name)
                               .arg(lr)
                               .arg(batchSize)
                               .arg(childBest, 0, 'f', 4);
                if (child.score > best.score)
                    best = child;
                childStart = end + 15 * Second;
            }
        }
        m_b.logMetric(parent, QStringLiteral("best_val_accuracy"), best.score, childStart, 0);
        m_b.setTag(parent, QStringLiteral("best_run"), best.name);
        finishRun({.id = parent, .name = {}, .start = parentStart, .end = childStart + 5 * Second});
        writeArtifact(parent, QStringLiteral("sweep_results.csv"), results.toUtf8());
        artifacts(best, best.score);
        m_mnistBestChild = best;

        start = childStart + Hour;
        m_mnistRuns.append(standaloneRun(standalone[1]));
        m_mnistRuns.append(standaloneRun(standalone[2]));
        for (const DemoRun &run : std::as_const(m_mnistRuns))
            finishRun(run);
    }

    // Runs start as RUNNING, as MLflow creates them, and end once their metrics are logged.
    void finishRun(const DemoRun &run, const QString &status = QStringLiteral("FINISHED"))
    {
        m_b.updateRun(run.id, status, status == QLatin1String("RUNNING") ? NoTime : run.end);
    }

private:
    // -- tabular-gbm: gradient boosting on a regression table; one failure, one kill, one deletion.
    void gbm()
    {
        const qint64 created = BaseTime + 2 * Day;
        const qint64 experiment = m_b.addExperiment(
            {.name = QStringLiteral("tabular-gbm"),
             .creationTime = created,
             .description = QStringLiteral("Gradient-boosted trees on *California housing*.\n\n"
                                           "Lower `rmse` is better; `r2` for the report."),
             .tags = {{QStringLiteral("project"), QStringLiteral("housing")}}});
        const auto [train, validation] = datasets(
            experiment, QStringLiteral("california-housing"), QStringLiteral("local"),
            QStringLiteral(R"({"uri": "/data/housing/train.csv"})"),
            QStringLiteral(R"({"uri": "/data/housing/valid.csv"})"),
            QStringLiteral(R"({"mlflow_colspec": [{"type": "double", "name": "MedInc", "required": true}, )"
                           R"({"type": "double", "name": "HouseAge", "required": true}, )"
                           R"({"type": "double", "name": "AveRooms", "required": true}, )"
                           R"({"type": "double", "name": "MedHouseVal", "required": true}]})"),
            16512, 4128);
        const QString gitCommit = commit();
        struct Config
        {
            const char *name, *model;
            int maxDepth, estimators;
            double lr, subsample;
            const char *status;
            bool deleted;
            const char *note;
        };
        const Config configs[] = {
            {"xgb-depth4", "xgboost", 4, 400, 0.1, 0.8, "FINISHED", false, nullptr},
            {"xgb-depth6", "xgboost", 6, 600, 0.05, 0.8, "FINISHED", false, nullptr},
            {"xgb-depth8-oom", "xgboost", 8, 2000, 0.05, 1.0, "FAILED", false,
             "Out of memory at round ~700 (`max_depth=8`, 2000 rounds)."},
            {"lgbm-leaves63", "lightgbm", -1, 800, 0.05, 0.7, "FINISHED", false,
             "**Best so far.** Registered as `housing-regressor` v2."},
            {"lgbm-dart", "lightgbm", -1, 1200, 0.03, 0.7, "KILLED", false, nullptr},
            {"catboost-default", "catboost", 6, 1000, 0.03, 1.0, "FINISHED", false, nullptr},
            {"xgb-typo-run", "xgboost", 4, 40, 0.3, 0.8, "FINISHED", true, nullptr},
            {"lgbm-leaves127", "lightgbm", -1, 800, 0.05, 0.7, "FINISHED", false, nullptr},
        };
        qint64 start = created + 3 * Hour;
        for (const Config &c : configs) {
            TagList tags;
            sourceTags(tags, QStringLiteral("notebooks/housing_gbm.ipynb"), QStringLiteral("NOTEBOOK"),
                       gitCommit);
            tags.append({QStringLiteral("model_family"), QLatin1String(c.model)});
            DemoRun run {.name = QLatin1String(c.name), .start = start};
            run.id = m_b.addRun({.experimentId = experiment,
                                 .name = run.name,
                                 .userId = QStringLiteral("grace"),
                                 .status = QStringLiteral("RUNNING"),
                                 .startTime = start,
                                 .note = c.note ? QLatin1String(c.note) : QString(),
                                 .tags = tags});
            m_b.logInput(run.id, train, QStringLiteral("training"));
            m_b.logInput(run.id, validation, QStringLiteral("validation"));
            logParams(run.id,
                      {{QStringLiteral("model"), QLatin1String(c.model)},
                       {QStringLiteral("max_depth"), QString::number(c.maxDepth)},
                       {QStringLiteral("n_estimators"), QString::number(c.estimators)},
                       {QStringLiteral("learning_rate"), QString::number(c.lr)},
                       {QStringLiteral("subsample"), QString::number(c.subsample)},
                       {QStringLiteral("min_child_weight"), QString::number(1 + m_noise.bounded(5))}});

            const QString status = QLatin1String(c.status);
            const bool completes = status == QLatin1String("FINISHED");
            // Boosting rounds stop early for the failed (OOM) and killed runs.
            const int rounds = completes ? c.estimators : c.estimators * 7 / 20;
            const double floor = 0.43 + 0.02 * (c.maxDepth == 4)
                + 0.015 * (QLatin1String(c.model) == "catboost")
                + 0.01 * (QLatin1String(c.name) == QLatin1String("lgbm-leaves127")) + m_noise.gaussian(0.003);
            const qint64 roundTime = 250 + c.maxDepth * 30;
            double rmse = 0;
            for (int round = 0; round < rounds; round += 25) {
                rmse = floor + 0.72 * std::exp(-round * c.lr / 6.0) + std::abs(m_noise.gaussian(0.002));
                m_b.logMetric(run.id, QStringLiteral("valid_rmse"), rmse, start + round * roundTime, round);
            }
            run.end = start + rounds * roundTime + 4 * Second;
            run.score = rmse;
            if (completes) {
                m_b.logMetric(run.id, QStringLiteral("rmse"), rmse, run.end, 0);
                m_b.logMetric(run.id, QStringLiteral("mae"), rmse * 0.68 + m_noise.gaussian(0.002), run.end,
                              0);
                m_b.logMetric(run.id, QStringLiteral("r2"), 1.0 - rmse * rmse / 1.33, run.end, 0);
                logModel(run, QStringLiteral("sklearn"), QStringLiteral("1.5.2"),
                         QStringLiteral("mlflow==3.9.0\nscikit-learn==1.5.2\n%1\npandas==2.2.3\n")
                             .arg(QLatin1String(c.model) == "xgboost"        ? "xgboost==2.1.3"
                                      : QLatin1String(c.model) == "lightgbm" ? "lightgbm==4.5.0"
                                                                             : "catboost==1.2.7"));
                QString importance = QStringLiteral("feature,importance\n");
                double left = 1.0;
                for (const char *feature :
                     {"MedInc", "AveOccup", "Latitude", "Longitude", "HouseAge", "AveRooms"}) {
                    const double share = left * (0.35 + m_noise.uniform(0.0, 0.2));
                    importance += QStringLiteral("%1,%2\n").arg(QLatin1String(feature)).arg(share, 0, 'f', 4);
                    left -= share;
                }
                writeArtifact(run.id, QStringLiteral("feature_importance.csv"), importance.toUtf8());
            } else {
                writeArtifact(run.id, QStringLiteral("stderr.log"),
                              status == QLatin1String("FAILED")
                                  ? QByteArrayLiteral("xgboost.core.XGBoostError: std::bad_alloc\n")
                                  : QByteArrayLiteral("KeyboardInterrupt\n"));
            }
            finishRun(run, status);
            if (c.deleted)
                m_b.deleteRun(run.id, run.end + Day);
            if (QLatin1String(c.name) == QLatin1String("xgb-depth6")
                || QLatin1String(c.name) == QLatin1String("lgbm-leaves63"))
                m_gbmModels.append(run);
            start = run.end + 12 * Minute;
        }
    }

    // -- llm-finetune: long noisy curves, one NaN, one +inf spike, one run still going.
    void llm()
    {
        const qint64 created = BaseTime + 5 * Day;
        const qint64 experiment
            = m_b.addExperiment({.name = QStringLiteral("llm-finetune"),
                                 .creationTime = created,
                                 .description = QStringLiteral(
                                     "Instruction tuning of a 1B model: LoRA ranks vs full fine-tuning.\n\n"
                                     "> full-ft hit a gradient spike; watch `train/grad_norm`."),
                                 .tags = {{QStringLiteral("project"), QStringLiteral("assistant")}}});
        const auto [train, validation] = datasets(
            experiment, QStringLiteral("alpaca-cleaned"), QStringLiteral("hugging_face"),
            QStringLiteral(R"({"path": "yahma/alpaca-cleaned", "split": "train[:95%]"})"),
            QStringLiteral(R"({"path": "yahma/alpaca-cleaned", "split": "train[95%:]"})"),
            QStringLiteral(
                R"({"mlflow_colspec": [{"type": "string", "name": "instruction", "required": true}, )"
                R"({"type": "string", "name": "output", "required": true}]})"),
            49250, 2592);
        const QString gitCommit = commit();
        struct Config
        {
            const char *name;
            int rank;
            double lr, finalLoss;
            const char *status;
            const char *note;
        };
        const Config configs[] = {
            {"lora-r8", 8, 2e-4, 1.12, "FINISHED", "Good enough for the demo assistant; see `samples.md`."},
            {"lora-r16", 16, 2e-4, 1.07, "FINISHED", nullptr},
            {"full-ft", 0, 2e-5, 0.98, "RUNNING", nullptr},
        };
        const int steps = m_options.curveSteps;
        const int evalEvery = std::max(1, steps / 30);
        const int warmup = std::max(1, steps / 20);
        qint64 start = created + 4 * Hour;
        for (const Config &c : configs) {
            TagList tags;
            sourceTags(tags, QStringLiteral("https://github.com/example/llm-tuning#finetune.py"),
                       QStringLiteral("JOB"), gitCommit);
            tags.append({QStringLiteral("base_model"), QStringLiteral("llama-3.2-1b")});
            tags.append({QStringLiteral("gpu"), QStringLiteral("8x H100")});
            DemoRun run {.name = QLatin1String(c.name), .start = start};
            run.id = m_b.addRun({.experimentId = experiment,
                                 .name = run.name,
                                 .userId = QStringLiteral("linus"),
                                 .status = QStringLiteral("RUNNING"),
                                 .startTime = start,
                                 .note = c.note ? QLatin1String(c.note) : QString(),
                                 .tags = tags});
            m_b.logInput(run.id, train, QStringLiteral("training"));
            m_b.logInput(run.id, validation, QStringLiteral("validation"));
            logParams(
                run.id,
                {{QStringLiteral("base_model"), QStringLiteral("meta-llama/Llama-3.2-1B")},
                 {QStringLiteral("method"), c.rank > 0 ? QStringLiteral("lora") : QStringLiteral("full")},
                 {QStringLiteral("lora_r"), QString::number(c.rank)},
                 {QStringLiteral("lora_alpha"), QString::number(2 * c.rank)},
                 {QStringLiteral("learning_rate"), QString::number(c.lr)},
                 {QStringLiteral("max_steps"), QString::number(steps)},
                 {QStringLiteral("warmup_steps"), QString::number(warmup)},
                 {QStringLiteral("per_device_batch_size"), QStringLiteral("8")},
                 {QStringLiteral("seq_len"), QStringLiteral("2048")}});

            const bool hasNan = QLatin1String(c.name) == QLatin1String("lora-r16");
            const bool hasSpike = QLatin1String(c.name) == QLatin1String("full-ft");
            const int nanStep = steps * 41 / 100;
            const int spikeStep = steps * 63 / 100;
            const qint64 stepTime = 1200;
            const double tau = steps / 4.0;
            double smoothNoise = 0;
            for (int step = 0; step < steps; ++step) {
                const qint64 t = start + (step + 1) * stepTime;
                const double decay = std::exp(-step / tau);
                smoothNoise = 0.9 * smoothNoise + m_noise.gaussian(0.03);
                double loss
                    = c.finalLoss + 1.45 * decay + smoothNoise * (0.4 + decay) + m_noise.gaussian(0.04);
                if (hasSpike && step > spikeStep && step < spikeStep + steps / 50)
                    loss += 0.6 * std::exp(-(step - spikeStep) / (steps / 200.0 + 1));
                if (hasNan && step == nanStep)
                    loss = std::numeric_limits<double>::quiet_NaN();
                const double lr = step < warmup ? c.lr * (step + 1) / warmup
                                                : c.lr
                        * (0.1
                           + 0.45
                               * (1
                                  + std::cos(std::numbers::pi * (step - warmup)
                                             / std::max(1, steps - warmup))));
                double gradNorm = 0.35 + 1.6 * decay + std::abs(m_noise.gaussian(0.08 + 0.2 * decay));
                if (hasSpike && step == spikeStep)
                    gradNorm = std::numeric_limits<double>::infinity();
                m_b.logMetric(run.id, QStringLiteral("train/loss"), loss, t, step);
                m_b.logMetric(run.id, QStringLiteral("train/learning_rate"), lr, t, step);
                m_b.logMetric(run.id, QStringLiteral("train/grad_norm"), gradNorm, t, step);
                if ((step + 1) % evalEvery == 0) {
                    const double valLoss = c.finalLoss + 0.06 + 1.35 * decay + m_noise.gaussian(0.015);
                    const double accuracy
                        = 0.31 + 0.33 * (1.0 - decay) - 0.05 * (c.finalLoss - 1.0) + m_noise.gaussian(0.006);
                    m_b.logMetric(run.id, QStringLiteral("val/loss"), valLoss, t + 40 * Second, step);
                    m_b.logMetric(run.id, QStringLiteral("val/accuracy"), accuracy, t + 40 * Second, step);
                }
            }
            run.end = start + (steps + 1) * stepTime + 2 * Minute;
            finishRun(run, QLatin1String(c.status));
            if (QLatin1String(c.status) == QLatin1String("FINISHED")) {
                writeArtifact(
                    run.id, QStringLiteral("adapter/adapter_config.json"),
                    QJsonDocument(
                        QJsonObject {{QStringLiteral("peft_type"), QStringLiteral("LORA")},
                                     {QStringLiteral("r"), c.rank},
                                     {QStringLiteral("lora_alpha"), 2 * c.rank},
                                     {QStringLiteral("target_modules"),
                                      QJsonArray {QStringLiteral("q_proj"), QStringLiteral("v_proj")}}})
                        .toJson());
                writeArtifact(run.id, QStringLiteral("samples.md"),
                              QByteArrayLiteral("## Samples\n\n**Q:** Name three primary colours.\n\n"
                                                "**A:** Red, yellow and blue.\n"));
            }
            writeArtifact(run.id, QStringLiteral("training_args.json"),
                          QJsonDocument(QJsonObject {{QStringLiteral("learning_rate"), c.lr},
                                                     {QStringLiteral("max_steps"), steps},
                                                     {QStringLiteral("warmup_steps"), warmup},
                                                     {QStringLiteral("bf16"), true}})
                              .toJson());
            start = run.end + 30 * Minute;
        }
    }

    // -- old-baseline: a deleted experiment; MLflow deletes its runs with it.
    void oldBaseline()
    {
        const qint64 created = BaseTime - 30 * Day;
        const qint64 experiment
            = m_b.addExperiment({.name = QStringLiteral("old-baseline"), .creationTime = created});
        TagList tags;
        sourceTags(tags, QStringLiteral("baseline.py"), QStringLiteral("LOCAL"), commit());
        DemoRun run {
            .name = QStringLiteral("logreg-v0"), .start = created + Hour, .end = created + Hour + 3 * Minute};
        run.id = m_b.addRun({.experimentId = experiment,
                             .name = run.name,
                             .userId = QStringLiteral("alan"),
                             .status = QStringLiteral("RUNNING"),
                             .startTime = run.start,
                             .tags = tags});
        logParams(run.id,
                  {{QStringLiteral("C"), QStringLiteral("1.0")},
                   {QStringLiteral("penalty"), QStringLiteral("l2")}});
        m_b.logMetric(run.id, QStringLiteral("accuracy"), 0.9184, run.end, 0);
        finishRun(run);
        m_b.deleteExperiment(experiment, BaseTime + 6 * Day);
    }

    void registry()
    {
        const qint64 created = BaseTime + 7 * Day;
        const QString mnist = QStringLiteral("mnist-classifier");
        m_b.addRegisteredModel(
            {.name = mnist,
             .creationTime = created,
             .description = QStringLiteral("Digit classifier served by the **scanner** service."),
             .tags = {{QStringLiteral("task"), QStringLiteral("image-classification")},
                      {QStringLiteral("owner"), QStringLiteral("ada")}}});
        // Versions in the order they were registered; transitions as a team would make them.
        const DemoRun sources[]
            = {m_mnistRuns.value(0), m_mnistBestChild, m_mnistRuns.value(1), m_mnistRuns.value(2)};
        qint64 t = created;
        for (const DemoRun &run : sources) {
            t += Day;
            m_b.addModelVersion({.modelName = mnist,
                                 .source = m_b.runArtifactUri(run.id) + QStringLiteral("/model"),
                                 .runId = run.id,
                                 .creationTime = t,
                                 .userId = QStringLiteral("ada"),
                                 .description = QStringLiteral("val_accuracy %1").arg(run.score, 0, 'f', 4)});
        }
        m_b.transitionStage(mnist, 1, QStringLiteral("Production"), created + Day + Hour);
        m_b.transitionStage(mnist, 2, QStringLiteral("Production"), created + 2 * Day + Hour,
                            true); // v1 archived
        m_b.transitionStage(mnist, 3, QStringLiteral("Staging"), created + 3 * Day + Hour);
        m_b.setAlias(mnist, QStringLiteral("champion"), 2);
        m_b.setAlias(mnist, QStringLiteral("challenger"), 3);
        m_b.setModelVersionTag(mnist, 2, QStringLiteral("validation_status"), QStringLiteral("approved"));
        m_b.setModelVersionTag(mnist, 3, QStringLiteral("validation_status"), QStringLiteral("pending"));

        const QString housing = QStringLiteral("housing-regressor");
        m_b.addRegisteredModel({.name = housing, .creationTime = created + Hour});
        for (int i = 0; i < m_gbmModels.size(); ++i) {
            const DemoRun &run = m_gbmModels[i];
            m_b.addModelVersion({.modelName = housing,
                                 .source = m_b.runArtifactUri(run.id) + QStringLiteral("/model"),
                                 .runId = run.id,
                                 .creationTime = created + (i + 1) * 2 * Hour,
                                 .userId = QStringLiteral("grace")});
            m_b.transitionStage(housing, i + 1, QStringLiteral("Production"),
                                created + (i + 1) * 2 * Hour + Minute, true);
        }
        m_b.setAlias(housing, QStringLiteral("champion"), 2);
    }
};

} // namespace

Error DemoStore::generate(const QString &dbPath, const DemoStoreOptions &options)
{
    StoreBuilder::Options builderOptions;
    builderOptions.now = BaseTime - 60 * Day; // when "MLflow" created the store
    builderOptions.seed = options.seed;
    auto builder = StoreBuilder::create(dbPath, builderOptions);
    if (!builder)
        return builder.error();
    StoreBuilder &b = **builder;
    DemoWriter writer(b, options);
    if (Error error = writer.write(); !error.ok())
        return error;
    return b.finish();
}

Error DemoStore::generateSynthetic(const QString &dbPath, const SyntheticStoreOptions &options)
{
    const SyntheticStoreOptions &o = options;
    if (o.experiments < 1 || o.runs < 0 || o.params < 0 || o.metrics < 0 || o.tags < 0 || o.historyPoints < 1)
        return Error::make(Error::InvalidArgument, tr("Invalid options for a synthetic store."));
    StoreBuilder::Options builderOptions;
    builderOptions.now = BaseTime - Day;
    builderOptions.seed = o.seed;
    builderOptions.deferIndexes = true;
    auto builder = StoreBuilder::create(dbPath, builderOptions);
    if (!builder)
        return builder.error();
    StoreBuilder &b = **builder;
    Noise noise(o.seed * 2654435761u + 99u);

    QList<qint64> experiments;
    for (int i = 0; i < o.experiments; ++i) {
        experiments.append(
            b.addExperiment({.name = QStringLiteral("synthetic-%1").arg(i, 2, 10, QLatin1Char('0')),
                             .creationTime = BaseTime + i * Minute}));
    }
    const auto keys = [](const char *prefix, int count) {
        QStringList list;
        for (int i = 0; i < count; ++i)
            list.append(QStringLiteral("%1_%2").arg(QLatin1String(prefix)).arg(i, 2, 10, QLatin1Char('0')));
        return list;
    };
    const QStringList paramKeys = keys("param", o.params);
    const QStringList metricKeys = keys("metric", o.metrics);
    const QStringList tagKeys = keys("tag", o.tags);
    const QString users[] = {QStringLiteral("ada"), QStringLiteral("grace"), QStringLiteral("linus"),
                             QStringLiteral("alan"), QStringLiteral("barbara")};
    const QString optimizers[]
        = {QStringLiteral("adam"), QStringLiteral("adamw"), QStringLiteral("sgd"), QStringLiteral("rmsprop")};
    const QString gpus[]
        = {QStringLiteral("a100"), QStringLiteral("h100"), QStringLiteral("l4"), QStringLiteral("cpu")};

    for (int r = 0; r < o.runs && !b.hasError(); ++r) {
        const qint64 start = BaseTime + Hour + r * 90 * Second;
        const qint64 duration = 5 * Minute + noise.bounded(int(55 * Minute));
        const int pick = noise.bounded(100);
        const QString status = pick < 90 ? QStringLiteral("FINISHED")
            : pick < 95                  ? QStringLiteral("FAILED")
            : pick < 98                  ? QStringLiteral("KILLED")
                                         : QStringLiteral("RUNNING");
        const bool running = status == QLatin1String("RUNNING");
        const QString id = b.addRun({.experimentId = experiments[r % o.experiments],
                                     .name = QStringLiteral("run-%1").arg(r, 6, 10, QLatin1Char('0')),
                                     .userId = users[r % 5],
                                     .status = status,
                                     .startTime = start,
                                     .endTime = running ? NoTime : start + duration});
        // Short values of the usual kinds: rates, sizes, names, flags, counts, fractions.
        for (int i = 0; i < o.params; ++i) {
            QString value;
            switch (i % 6) {
            case 0:
                value = QString::number(std::pow(10.0, -noise.uniform(1, 5)), 'g', 3);
                break;
            case 1:
                value = QString::number(1 << (4 + noise.bounded(5)));
                break;
            case 2:
                value = optimizers[noise.bounded(4)];
                break;
            case 3:
                value = noise.bounded(2) ? QStringLiteral("true") : QStringLiteral("false");
                break;
            case 4:
                value = QString::number(1 + noise.bounded(12));
                break;
            default:
                value = QString::number(noise.uniform(0, 0.5), 'f', 2);
                break;
            }
            b.logParam(id, paramKeys[i], value);
        }
        for (int i = 0; i < o.metrics; ++i) {
            const double level = noise.uniform(0.05, 1.0);
            for (int p = 0; p < o.historyPoints; ++p) {
                const double value
                    = level * (0.3 + 0.7 * std::exp(-3.0 * p / o.historyPoints)) + noise.gaussian(0.01);
                b.logMetric(id, metricKeys[i], value, start + (p + 1) * duration / o.historyPoints, p);
            }
        }
        for (int i = 0; i < o.tags; ++i) {
            QString value;
            switch (i % 4) {
            case 0:
                value = QStringLiteral("team-%1").arg(QChar(u'a' + noise.bounded(6)));
                break;
            case 1:
                value = QStringLiteral("v1.%1.%2").arg(noise.bounded(10)).arg(noise.bounded(20));
                break;
            case 2:
                value = noise.hex(7);
                break;
            default:
                value = gpus[noise.bounded(4)];
                break;
            }
            b.setTag(id, tagKeys[i], value);
        }
    }
    return b.finish();
}

} // namespace Store
