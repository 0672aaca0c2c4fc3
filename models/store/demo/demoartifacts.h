#pragma once

#include "demonoise.h"

#include <QByteArray>
#include <QList>
#include <QString>

// The demo runs' artifact contents, Qt Core only: a PNG and a pickle written by hand, the MLmodel
// YAML and the log-model history tag.
namespace Store::Demo {

using Matrix = QList<QList<int>>;

// Ten digit classes, each near `accuracy`; rows are true classes, columns predictions.
Matrix confusionMatrix(double accuracy, Noise &noise);
QByteArray confusionMatrixPng(const Matrix &m);
QByteArray picklePayload(const QList<double> &weights);
// model/MLmodel as MLflow writes it for a pickled model of `flavor`; MLflow 3 adds the logged
// model's id (`modelId`, empty for a model logged the MLflow 2 way); `signature` is a whole
// `signature:` block (demoreports.h), empty for none.
QByteArray mlmodelYaml(const QString &runId, const QString &flavor, const QString &flavorVersion,
                       qint64 created, const QString &modelUuid, qint64 size, const QString &modelId = {},
                       const QString &signature = {});
// The value of the run tag mlflow.log-model.history for one logged model.
QString logModelHistory(const QString &runId, const QString &flavor, qint64 created,
                        const QString &modelUuid);

} // namespace Store::Demo
