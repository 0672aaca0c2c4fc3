#include "demoartifacts.h"
#include "democlock.h"
#include "demoreports.h"
#include "demowriter.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <utility>

namespace Store::Demo {

// -- mnist-cnn: a learning-rate x batch-size sweep under one parent, and standalone runs.
void DemoWriter::mnist()
{
    const qint64 created = BaseTime;
    const qint64 experiment = m_b.addExperiment(
        {.name = QStringLiteral("mnist-cnn"),
         .creationTime = created,
         .description = QStringLiteral("# MNIST CNN\n\nSmall convolutional nets on MNIST.\n\n"
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

    const auto addRun = [&](const QString &name, qint64 start, const QString &parent, const QString &note) {
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
    const auto logEpochs = [&](const QString &id, qint64 start, double lr, int batchSize, double accuracy) {
        constexpr int Epochs = 10;
        const qint64 epochTime = (40 + 2560 / batchSize) * Second;
        const double speed = 0.35 + 0.25 * std::log10(lr / 0.0001);
        double best = 0;
        for (int epoch = 0; epoch < Epochs; ++epoch) {
            const double progress = 1.0 - std::exp(-speed * (epoch + 1));
            const double trainLoss = 0.02 + 2.28 * (1.0 - progress) + std::abs(m_noise.gaussian(0.01));
            const double valAccuracy
                = std::min(0.9995, 0.1 + (accuracy - 0.1) * progress + m_noise.gaussian(0.0015));
            const double valLoss
                = 0.03 + 2.2 * (1.0 - progress) + 0.02 * epoch / Epochs + std::abs(m_noise.gaussian(0.012));
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
                 QStringLiteral("mlflow==3.9.0\ntorch==2.5.1\ntorchvision==0.20.1\nnumpy==2.1.3\n"),
                 mnistSignatureYaml());
        writeArtifact(run.id, QStringLiteral("plots/loss_curve.svg"), lossCurveSvg(accuracy));
        writeArtifact(run.id, QStringLiteral("logs/training.log"),
                      trainingLog(run.name, accuracy, run.start));
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
        writeArtifact(run.id, QStringLiteral("classification_report.json"), QJsonDocument(report).toJson());
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
            DemoRun child {.name = QStringLiteral("lr=%1,bs=%2").arg(lr).arg(batchSize), .start = childStart};
            child.id = addRun(child.name, childStart, parent, {});
            logParams(child.id, mnistParams(lr, batchSize, 2, 0.25, false));
            const auto [childBest, end] = logEpochs(child.id, childStart, lr, batchSize, accuracy);
            child.end = end;
            child.score = childBest;
            m_b.setTag(child.id, QStringLiteral("trial"), QString::number(results.count(QLatin1Char('\n'))));
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

} // namespace Store::Demo
