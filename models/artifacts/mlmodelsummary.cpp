#include "mlmodelsummary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <yaml-cpp/yaml.h>

namespace Artifacts {

namespace {

constexpr qint64 MaxMlModelBytes = 8 * 1024 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("Artifacts::MlModelSummary", text);
}

QString scalar(const YAML::Node &node)
{
    if (!node || node.IsNull() || !node.IsScalar())
        return {};
    return QString::fromStdString(node.Scalar());
}

// "(-1, 28, 28)" from a JSON shape array; empty for none.
QString shapeText(const QJsonValue &shape)
{
    if (!shape.isArray())
        return {};
    QStringList dims;
    for (const QJsonValue &dim : shape.toArray())
        dims.append(QString::number(dim.toInteger()));
    return QLatin1Char('(') + dims.join(QLatin1String(", ")) + QLatin1Char(')');
}

QString jsonScalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    default:
        return QString::fromUtf8(value.isArray()
                                     ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                     : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
}

// One signature part: a JSON array in a YAML string (or, rarely, a YAML sequence).
QJsonArray signatureArray(const YAML::Node &node, const char *part, QString &error)
{
    if (!node || node.IsNull())
        return {};
    QByteArray json;
    if (node.IsScalar()) {
        json = QByteArray::fromStdString(node.Scalar());
    } else {
        YAML::Emitter emitter;
        emitter << YAML::DoubleQuoted << YAML::Flow << node;
        json = QByteArray(emitter.c_str());
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isArray()) {
        if (error.isEmpty())
            error = tr("The signature's %1 are not a JSON list: %2")
                        .arg(QLatin1String(part),
                             parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                          : tr("another JSON value"));
        return {};
    }
    return document.array();
}

QList<MlModelField> signatureFields(const QJsonArray &array)
{
    QList<MlModelField> fields;
    for (const QJsonValue &value : array) {
        const QJsonObject spec = value.toObject();
        MlModelField field;
        field.name = spec.value(QLatin1String("name")).toString();
        const QString type = spec.value(QLatin1String("type")).toString();
        if (type == QLatin1String("tensor")) {
            const QJsonObject tensor = spec.value(QLatin1String("tensor-spec")).toObject();
            field.type = tensor.value(QLatin1String("dtype")).toString();
            field.shape = shapeText(tensor.value(QLatin1String("shape")));
        } else {
            field.type = type;
            field.shape = shapeText(spec.value(QLatin1String("shape")));
        }
        fields.append(field);
    }
    return fields;
}

void flattenFields(const YAML::Node &node, const QString &prefix, QList<QPair<QString, QString>> &fields)
{
    for (auto it = node.begin(); it != node.end(); ++it) {
        const QString key = prefix + QString::fromStdString(it->first.as<std::string>());
        const YAML::Node value = it->second; // a copy: it->second lives in a temporary
        if (value.IsMap()) {
            flattenFields(value, key + QLatin1Char('.'), fields);
        } else if (value.IsSequence()) {
            QStringList items;
            for (const YAML::Node &item : value)
                items.append(item.IsScalar() ? QString::fromStdString(item.Scalar()) : QStringLiteral("…"));
            fields.append({key, items.join(QLatin1String(", "))});
        } else {
            fields.append({key, value.IsNull() ? QStringLiteral("null") : scalar(value)});
        }
    }
}

} // namespace

MlModelSummary summariseMlModel(QByteArrayView yaml)
{
    MlModelSummary summary;
    try {
        const YAML::Node root = YAML::Load(std::string(yaml.data(), size_t(yaml.size())));
        if (!root.IsMap()) {
            summary.error = tr("MLmodel is not a YAML mapping of keys to values.");
            return summary;
        }
        summary.runId = scalar(root["run_id"]);
        summary.modelUuid = scalar(root["model_uuid"]);
        summary.modelId = scalar(root["model_id"]);
        summary.artifactPath = scalar(root["artifact_path"]);
        summary.utcTimeCreated = scalar(root["utc_time_created"]);
        summary.mlflowVersion = scalar(root["mlflow_version"]);
        bool sizeOk = false;
        const qint64 size = scalar(root["model_size_bytes"]).toLongLong(&sizeOk);
        if (sizeOk)
            summary.modelSizeBytes = size;
        if (const YAML::Node flavors = root["flavors"]; flavors && flavors.IsMap()) {
            for (auto it = flavors.begin(); it != flavors.end(); ++it) {
                MlModelFlavor flavor;
                flavor.name = QString::fromStdString(it->first.as<std::string>());
                if (it->second.IsMap())
                    flattenFields(it->second, {}, flavor.fields);
                summary.flavors.append(flavor);
            }
        }
        if (const YAML::Node signature = root["signature"]; signature && signature.IsMap()) {
            summary.hasSignature = true;
            summary.inputs
                = signatureFields(signatureArray(signature["inputs"], "inputs", summary.signatureError));
            summary.outputs
                = signatureFields(signatureArray(signature["outputs"], "outputs", summary.signatureError));
            for (const QJsonValue &value :
                 signatureArray(signature["params"], "params", summary.signatureError)) {
                const QJsonObject spec = value.toObject();
                summary.params.append({spec.value(QLatin1String("name")).toString(),
                                       spec.value(QLatin1String("type")).toString(),
                                       jsonScalarText(spec.value(QLatin1String("default"))),
                                       shapeText(spec.value(QLatin1String("shape")))});
            }
        }
    } catch (const YAML::Exception &e) {
        summary = {};
        summary.error = QString::fromStdString(e.msg);
        if (!e.mark.is_null()) {
            summary.errorLine = e.mark.line + 1;
            summary.errorColumn = e.mark.column + 1;
        }
    }
    return summary;
}

MlModelSummary readMlModel(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        MlModelSummary failed;
        failed.error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return failed;
    }
    if (file.size() > MaxMlModelBytes) {
        MlModelSummary failed;
        failed.error = tr("MLmodel is %1 bytes, too large to be a model description.").arg(file.size());
        return failed;
    }
    MlModelSummary summary = summariseMlModel(file.readAll());
    const QDir folder = QFileInfo(path).dir();
    for (const QString &name : {QStringLiteral("requirements.txt"), QStringLiteral("conda.yaml"),
                                QStringLiteral("python_env.yaml")}) {
        QFile requirement(folder.filePath(name));
        if (!QFileInfo(requirement.fileName()).isFile() || !requirement.open(QIODevice::ReadOnly))
            continue;
        RequirementFile entry;
        entry.name = name;
        entry.size = requirement.size();
        entry.content = QString::fromUtf8(requirement.read(MlModelSummary::MaxRequirementBytes));
        entry.truncated = entry.size > MlModelSummary::MaxRequirementBytes;
        summary.requirements.append(entry);
    }
    return summary;
}

} // namespace Artifacts
