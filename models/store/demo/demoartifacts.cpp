#include "demoartifacts.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

namespace Store::Demo {

namespace {

QString utcText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz000"));
}

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

} // namespace

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
                       qint64 created, const QString &modelUuid, qint64 size, const QString &modelId,
                       const QString &signature)
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
    if (!modelId.isEmpty()) // keys in MLflow's (sorted) order
        yaml.replace(QLatin1String("model_size_bytes:"),
                     QStringLiteral("model_id: %1\nmodel_size_bytes:").arg(modelId));
    if (!signature.isEmpty())
        yaml.replace(QLatin1String("utc_time_created:"), signature + QLatin1String("utc_time_created:"));
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

} // namespace Store::Demo
