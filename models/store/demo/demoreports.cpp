#include "demoreports.h"

#include "demonoise.h"

#include <QDateTime>
#include <QStringList>
#include <QtEndian>

#include <cmath>

namespace Store::Demo {

namespace {

constexpr int Epochs = 10;

double trainLossAt(double epoch)
{
    return 0.02 + 2.28 * std::exp(-0.55 * (epoch + 1));
}

double valLossAt(double epoch, double accuracy)
{
    return 0.03 + 2.2 * std::exp(-0.55 * (epoch + 1)) + 0.02 * epoch / Epochs + (1.0 - accuracy);
}

const char *const Features[] = {"MedInc", "HouseAge", "AveRooms", "AveOccup", "Latitude", "Longitude"};

} // namespace

QByteArray lossCurveSvg(double accuracy)
{
    constexpr int Width = 480, Height = 300, Left = 50, Top = 30, Right = 20, Bottom = 40;
    const double plotW = Width - Left - Right, plotH = Height - Top - Bottom, maxLoss = 2.5;
    const auto point = [&](int epoch, double loss) {
        return QStringLiteral("%1,%2")
            .arg(Left + plotW * epoch / (Epochs - 1), 0, 'f', 1)
            .arg(Top + plotH * (1.0 - loss / maxLoss), 0, 'f', 1);
    };
    QStringList train, val;
    for (int epoch = 0; epoch < Epochs; ++epoch) {
        train.append(point(epoch, trainLossAt(epoch)));
        val.append(point(epoch, valLossAt(epoch, accuracy)));
    }
    QString svg = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" "
                                 "viewBox=\"0 0 %1 %2\" font-family=\"sans-serif\" font-size=\"11\">\n"
                                 "  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
                                 "  <text x=\"%3\" y=\"18\" font-size=\"13\">Loss per epoch</text>\n")
                      .arg(Width)
                      .arg(Height)
                      .arg(Left);
    for (int tick = 0; tick <= 5; ++tick) {
        const double y = Top + plotH * (1.0 - tick / 5.0);
        svg += QStringLiteral("  <line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#ddd\"/>\n"
                              "  <text x=\"%4\" y=\"%5\" text-anchor=\"end\">%6</text>\n")
                   .arg(Left)
                   .arg(y, 0, 'f', 1)
                   .arg(Width - Right)
                   .arg(Left - 6)
                   .arg(y + 4, 0, 'f', 1)
                   .arg(maxLoss * tick / 5.0, 0, 'f', 1);
    }
    for (int epoch = 0; epoch < Epochs; ++epoch)
        svg += QStringLiteral("  <text x=\"%1\" y=\"%2\" text-anchor=\"middle\">%3</text>\n")
                   .arg(Left + plotW * epoch / (Epochs - 1), 0, 'f', 1)
                   .arg(Height - Bottom + 16)
                   .arg(epoch);
    svg += QStringLiteral("  <text x=\"%1\" y=\"%2\" text-anchor=\"middle\">epoch</text>\n"
                          "  <polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"%3\"/>\n"
                          "  <polyline fill=\"none\" stroke=\"#ff7f0e\" stroke-width=\"2\" points=\"%4\"/>\n"
                          "  <text x=\"%5\" y=\"%6\" fill=\"#1f77b4\">train_loss</text>\n"
                          "  <text x=\"%5\" y=\"%7\" fill=\"#ff7f0e\">val_loss</text>\n"
                          "</svg>\n")
               .arg(Left + plotW / 2)
               .arg(Height - 6)
               .arg(train.join(QLatin1Char(' ')), val.join(QLatin1Char(' ')))
               .arg(Width - Right - 80)
               .arg(Top + 14)
               .arg(Top + 30);
    return svg.toUtf8();
}

QByteArray trainingLog(const QString &runName, double accuracy, qint64 start)
{
    Noise noise(quint32(accuracy * 1e6) ^ 0x5eed);
    constexpr int Batches = 938, Every = 10;
    QByteArray log;
    log.reserve(90 * 1024);
    qint64 t = start;
    const auto stamp = [&t] {
        return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss,zzz"))
            .toUtf8();
    };
    log += stamp() + " INFO  run " + runName.toUtf8() + ": 60000 training and 10000 validation images\n";
    log += stamp() + " INFO  device: cuda:0 (NVIDIA A10G), mixed precision: bf16\n";
    for (int epoch = 0; epoch < Epochs; ++epoch) {
        for (int batch = Every; batch <= Batches; batch += Every) {
            t += 420;
            const double loss = trainLossAt(epoch + double(batch) / Batches) + std::abs(noise.gaussian(0.03));
            log += stamp() + " INFO  epoch " + QByteArray::number(epoch) + " ["
                + QByteArray::number(batch * 64) + "/60000] loss " + QByteArray::number(loss, 'f', 4) + "\n";
        }
        t += 3000;
        const double valAccuracy = 0.1 + (accuracy - 0.1) * (1.0 - std::exp(-0.55 * (epoch + 1)));
        log += stamp() + " INFO  epoch " + QByteArray::number(epoch) + " done: val_loss "
            + QByteArray::number(valLossAt(epoch, accuracy), 'f', 4) + " val_accuracy "
            + QByteArray::number(valAccuracy, 'f', 4) + "\n";
        if (epoch == 4)
            log += stamp() + " WARN  learning rate halved (plateau)\n";
    }
    log += stamp() + " INFO  saved model/ (MLmodel, model.pkl)\n";
    return log;
}

QByteArray predictionsTsv(double rmse)
{
    Noise noise(quint32(rmse * 1e6) ^ 0x7a5);
    QByteArray tsv = "id";
    for (const char *feature : Features)
        tsv += QByteArray("\t") + feature;
    tsv += "\ttarget\tprediction\tresidual\n";
    for (int row = 0; row < 200; ++row) {
        const double income = 1.5 + noise.uniform(0.0, 8.0);
        const double target = std::max(0.15, 0.45 * income + noise.gaussian(0.6));
        const double prediction = target + noise.gaussian(rmse);
        tsv += QByteArray::number(10000 + row * 7) + '\t' + QByteArray::number(income, 'f', 4) + '\t'
            + QByteArray::number(1 + noise.bounded(52)) + '\t'
            + QByteArray::number(noise.uniform(3.0, 8.0), 'f', 3) + '\t'
            + QByteArray::number(noise.uniform(1.5, 4.5), 'f', 3) + '\t'
            + QByteArray::number(noise.uniform(32.5, 42.0), 'f', 2) + '\t'
            + QByteArray::number(noise.uniform(-124.3, -114.3), 'f', 2) + '\t'
            + QByteArray::number(target, 'f', 3) + '\t' + QByteArray::number(prediction, 'f', 3) + '\t'
            + QByteArray::number(prediction - target, 'f', 3) + '\n';
    }
    return tsv;
}

QByteArray evaluationReportHtml(const QString &runName, const QString &model, double rmse)
{
    QString rows;
    double share = 1.0;
    for (const char *feature : Features) {
        share *= 0.55;
        rows += QStringLiteral("      <tr><td>%1</td><td class=\"num\">%2</td></tr>\n")
                    .arg(QLatin1String(feature))
                    .arg(share, 0, 'f', 4);
    }
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
                          "  <title>Evaluation: %1</title>\n"
                          "  <style>body { font-family: sans-serif; } .num { text-align: right; }</style>\n"
                          "</head>\n<body>\n  <h1>Evaluation report: %1</h1>\n"
                          "  <!-- written by the training script after the final boosting round -->\n"
                          "  <p>Model <b>%2</b> on the California housing validation split.</p>\n"
                          "  <table>\n      <tr><th>metric</th><th>value</th></tr>\n"
                          "      <tr><td>rmse</td><td class=\"num\">%3</td></tr>\n"
                          "      <tr><td>mae</td><td class=\"num\">%4</td></tr>\n  </table>\n"
                          "  <h2>Feature importance</h2>\n  <table>\n%5  </table>\n"
                          "  <p>Predictions: <a href=\"eval/predictions.tsv\">eval/predictions.tsv</a></p>\n"
                          "</body>\n</html>\n")
        .arg(runName.toHtmlEscaped(), model.toHtmlEscaped())
        .arg(rmse, 0, 'f', 4)
        .arg(rmse * 0.68, 0, 'f', 4)
        .arg(rows)
        .toUtf8();
}

QByteArray fineTuneConfigYaml(const QString &runName, double learningRate, int rank, int steps, int warmup)
{
    QString yaml = QStringLiteral("# Fine-tuning configuration of %1\n"
                                  "base_model: meta-llama/Llama-3.2-1B\n"
                                  "dataset:\n"
                                  "  name: alpaca-cleaned\n"
                                  "  split: train\n"
                                  "  max_seq_len: 2048\n"
                                  "training:\n"
                                  "  learning_rate: %2\n"
                                  "  lr_scheduler: cosine\n"
                                  "  max_steps: %3\n"
                                  "  warmup_steps: %4\n"
                                  "  per_device_batch_size: 8\n"
                                  "  gradient_accumulation_steps: 4\n"
                                  "  bf16: true\n")
                       .arg(runName)
                       .arg(learningRate)
                       .arg(steps)
                       .arg(warmup);
    if (rank > 0)
        yaml += QStringLiteral(
                    "lora:\n  r: %1\n  alpha: %2\n  dropout: 0.05\n  target_modules: [q_proj, v_proj]\n")
                    .arg(rank)
                    .arg(2 * rank);
    else
        yaml += QStringLiteral("lora: null  # full fine-tuning\n");
    return yaml.toUtf8();
}

QByteArray npyFloat32(const QList<float> &values, int rows, int columns)
{
    QByteArray header = QStringLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (%1, %2), }")
                            .arg(rows)
                            .arg(columns)
                            .toLatin1();
    // Magic, version, header length; the header padded with spaces to a multiple of 64, ending in \n.
    const int unpadded = 10 + int(header.size()) + 1;
    header += QByteArray((64 - unpadded % 64) % 64, ' ') + '\n';
    QByteArray npy("\x93NUMPY\x01\x00", 8);
    char length[2];
    qToLittleEndian(quint16(header.size()), length);
    npy.append(length, 2).append(header);
    for (const float value : values) {
        char bytes[4];
        qToLittleEndian(value, bytes);
        npy.append(bytes, 4);
    }
    return npy;
}

QString mnistSignatureYaml()
{
    return QStringLiteral("signature:\n"
                          "  inputs: '[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"float32\", "
                          "\"shape\": [-1, 1, 28, 28]}}]'\n"
                          "  outputs: '[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"float32\", "
                          "\"shape\": [-1, 10]}}]'\n"
                          "  params: null\n");
}

QString housingSignatureYaml()
{
    QStringList columns;
    for (const char *feature : Features)
        columns.append(QStringLiteral("{\"type\": \"double\", \"name\": \"%1\", \"required\": true}")
                           .arg(QLatin1String(feature)));
    return QStringLiteral("signature:\n  inputs: '[%1]'\n"
                          "  outputs: '[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"float64\", "
                          "\"shape\": [-1]}}]'\n  params: null\n")
        .arg(columns.join(QLatin1String(", ")));
}

} // namespace Store::Demo
