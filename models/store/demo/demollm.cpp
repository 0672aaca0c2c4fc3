#include "democlock.h"
#include "demoreports.h"
#include "demowriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace Store::Demo {

// -- llm-finetune: long noisy curves, one NaN, one +inf spike, one run still going.
void DemoWriter::llm()
{
    const qint64 created = BaseTime + 5 * Day;
    const qint64 experiment = m_b.addExperiment(
        {.name = QStringLiteral("llm-finetune"),
         .creationTime = created,
         .description = QStringLiteral("Instruction tuning of a 1B model: LoRA ranks vs full fine-tuning.\n\n"
                                       "> full-ft hit a gradient spike; watch `train/grad_norm`."),
         .tags = {{QStringLiteral("project"), QStringLiteral("assistant")}}});
    const auto [train, validation] = datasets(
        experiment, QStringLiteral("alpaca-cleaned"), QStringLiteral("hugging_face"),
        QStringLiteral(R"({"path": "yahma/alpaca-cleaned", "split": "train[:95%]"})"),
        QStringLiteral(R"({"path": "yahma/alpaca-cleaned", "split": "train[95%:]"})"),
        QStringLiteral(R"({"mlflow_colspec": [{"type": "string", "name": "instruction", "required": true}, )"
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
        logParams(run.id,
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
            double loss = c.finalLoss + 1.45 * decay + smoothNoise * (0.4 + decay) + m_noise.gaussian(0.04);
            if (hasSpike && step > spikeStep && step < spikeStep + steps / 50)
                loss += 0.6 * std::exp(-(step - spikeStep) / (steps / 200.0 + 1));
            if (hasNan && step == nanStep)
                loss = std::numeric_limits<double>::quiet_NaN();
            const double lr = step < warmup ? c.lr * (step + 1) / warmup
                                            : c.lr
                    * (0.1
                       + 0.45
                           * (1
                              + std::cos(std::numbers::pi * (step - warmup) / std::max(1, steps - warmup))));
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
                QJsonDocument(QJsonObject {{QStringLiteral("peft_type"), QStringLiteral("LORA")},
                                           {QStringLiteral("r"), c.rank},
                                           {QStringLiteral("lora_alpha"), 2 * c.rank},
                                           {QStringLiteral("target_modules"),
                                            QJsonArray {QStringLiteral("q_proj"), QStringLiteral("v_proj")}}})
                    .toJson());
            QList<float> weights;
            Noise weightNoise(quint32(c.rank * 7919 + steps));
            for (int i = 0; i < 16 * 8; ++i)
                weights.append(float(weightNoise.gaussian(0.02)));
            writeArtifact(run.id, QStringLiteral("checkpoints/final/adapter_weights.npy"),
                          npyFloat32(weights, 16, 8));
            writeArtifact(run.id, QStringLiteral("samples.md"),
                          QByteArrayLiteral("## Samples\n\n**Q:** Name three primary colours.\n\n"
                                            "**A:** Red, yellow and blue.\n"));
        }
        writeArtifact(run.id, QStringLiteral("config.yaml"),
                      fineTuneConfigYaml(run.name, c.lr, c.rank, steps, warmup));
        writeArtifact(run.id, QStringLiteral("training_args.json"),
                      QJsonDocument(QJsonObject {{QStringLiteral("learning_rate"), c.lr},
                                                 {QStringLiteral("max_steps"), steps},
                                                 {QStringLiteral("warmup_steps"), warmup},
                                                 {QStringLiteral("bf16"), true}})
                          .toJson());
        start = run.end + 30 * Minute;
    }
}

} // namespace Store::Demo
