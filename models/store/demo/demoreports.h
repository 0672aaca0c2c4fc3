#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The demo runs' report-like artifacts, Qt Core only and deterministic (each seeded from its
// arguments, never from the writer's Noise, so that adding one leaves the store's numbers alone):
// an SVG plot, a long training log, a TSV of predictions, an HTML report, a YAML config, a .npy
// array and the signatures that MLmodel files carry.
namespace Store::Demo {

// plots/loss_curve.svg: train and validation loss over 10 epochs for a run reaching `accuracy`.
QByteArray lossCurveSvg(double accuracy);
// logs/training.log: what a PyTorch training loop prints, ~100 lines an epoch (~80 KB).
QByteArray trainingLog(const QString &runName, double accuracy, qint64 start);
// eval/predictions.tsv: 200 held-out rows (id, features, target, prediction, residual).
QByteArray predictionsTsv(double rmse);
// report.html: a static evaluation report (no scripts) of a tabular run.
QByteArray evaluationReportHtml(const QString &runName, const QString &model, double rmse);
// config.yaml: the fine-tuning configuration of an LLM run.
QByteArray fineTuneConfigYaml(const QString &runName, double learningRate, int rank, int steps, int warmup);
// A NumPy .npy file (format 1.0) of float32 values, C order, of shape rows x columns.
QByteArray npyFloat32(const QList<float> &values, int rows, int columns);
// The MLmodel `signature:` block (two-space indented, MLflow's JSON strings) of the MNIST CNN
// (a tensor in, ten logits out) and of the housing regressors (six double columns in).
QString mnistSignatureYaml();
QString housingSignatureYaml();

} // namespace Store::Demo
