#pragma once

#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace Artifacts {

// An input or output of a model signature: a column ("MedInc", "double") or a tensor ("",
// "float32", shape "(-1, 28, 28)").
struct MlModelField
{
    QString name;
    QString type;
    QString shape; // empty for a column without one
    bool operator==(const MlModelField &) const = default;
};

// A parameter of the signature (MLflow >= 2.6): name, type, default, shape.
struct MlModelParam
{
    QString name;
    QString type;
    QString defaultValue;
    QString shape;
    bool operator==(const MlModelParam &) const = default;
};

struct MlModelFlavor
{
    QString name;
    QList<QPair<QString, QString>> fields; // scalar keys; nested maps as "env.conda"
};

// A file beside MLmodel that says what the model needs to run.
struct RequirementFile
{
    QString name; // requirements.txt, conda.yaml, python_env.yaml
    qint64 size = 0;
    QString content; // the first MaxRequirementBytes, decoded as UTF-8
    bool truncated = false;
};

// What an MLmodel file (YAML, as mlflow.<flavor>.log_model writes it) says about a model.
struct MlModelSummary
{
    static constexpr qint64 MaxRequirementBytes = 64 * 1024;

    QString runId;
    QString modelUuid;
    QString modelId; // MLflow 3 logged model
    QString artifactPath;
    QString utcTimeCreated;
    QString mlflowVersion;
    qint64 modelSizeBytes = -1; // -1 when not given
    QList<MlModelFlavor> flavors;
    bool hasSignature = false;
    QList<MlModelField> inputs;
    QList<MlModelField> outputs;
    QList<MlModelParam> params;
    QString signatureError; // a signature part that is not the JSON MLflow writes
    QList<RequirementFile> requirements;
    QString error; // the YAML does not parse or is not a mapping; nothing else is then set
    int errorLine = 0;
    int errorColumn = 0;

    bool ok() const { return error.isEmpty(); }
};

// Summarises MLmodel text; no file access.
MlModelSummary summariseMlModel(QByteArrayView yaml);
// Reads the MLmodel at `path` (at most 8 MiB) and the requirement files in its folder.
// Synchronous: call it on a worker.
MlModelSummary readMlModel(const QString &path);

} // namespace Artifacts
