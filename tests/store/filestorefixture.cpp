#include "filestorefixture.h"

#include "mlflowstore.h"
#include "storefactory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <charconv>
#include <cmath>

namespace FileStoreFixture {

std::unique_ptr<Store::MlflowStore> openOrWarn(const QString &path)
{
    auto store = Store::openStore(path);
    if (!store.ok())
        qWarning("%s", qPrintable(store.error().message));
    return store.ok() ? std::move(store).value() : nullptr;
}

QByteArray yamlString(const QString &value)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_/][A-Za-z0-9_./-]*$"));
    static const QStringList special
        = {"null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes",
           "Yes",  "no",   "No",   "on",   "On",   "off",  "Off",   "y",     "n"};
    if (plain.match(value).hasMatch() && !special.contains(value))
        return value.toUtf8();
    QByteArray quoted = "\"";
    for (const char c : value.toUtf8()) {
        switch (c) {
        case '"':
            quoted += "\\\"";
            break;
        case '\\':
            quoted += "\\\\";
            break;
        case '\n':
            quoted += "\\n";
            break;
        case '\t':
            quoted += "\\t";
            break;
        case '\r':
            quoted += "\\r";
            break;
        default:
            quoted += c;
        }
    }
    return quoted + '"';
}

QByteArray pythonFloat(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value < 0 ? "-inf" : "inf";
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    const std::string sci(buffer, result.ptr);
    const size_t e = sci.find('e');
    const bool negative = sci.front() == '-';
    std::string digits;
    for (size_t i = negative ? 1 : 0; i < e; ++i) {
        if (sci[i] != '.')
            digits += sci[i];
    }
    const int exponent = std::stoi(sci.substr(e + 1));
    std::string out = negative ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
        if (exponent < 0) {
            out += "0." + std::string(size_t(-exponent - 1), '0') + digits;
        } else if (digits.size() <= size_t(exponent + 1)) {
            out += digits + std::string(size_t(exponent + 1) - digits.size(), '0') + ".0";
        } else {
            out += digits.substr(0, size_t(exponent + 1)) + '.' + digits.substr(size_t(exponent + 1));
        }
    } else {
        out += digits.substr(0, 1);
        if (digits.size() > 1)
            out += '.' + digits.substr(1);
        const int magnitude = std::abs(exponent);
        out += std::string("e") + (exponent < 0 ? '-' : '+') + (magnitude < 10 ? "0" : "")
            + std::to_string(magnitude);
    }
    return QByteArray::fromStdString(out);
}

namespace {

QByteArray time(qint64 value)
{
    return value == Null ? QByteArray("null") : QByteArray::number(value);
}

int statusNumber(const QString &status)
{
    const QStringList names = {"RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED"};
    const qsizetype i = names.indexOf(status);
    return i < 0 ? 1 : int(i + 1);
}

} // namespace

void MlrunsWriter::writeFile(const QString &relativePath, const QByteArray &content)
{
    const QString path = m_root + QLatin1Char('/') + relativePath;
    makeFolder(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        m_ok = false;
}

void MlrunsWriter::makeFolder(const QString &path)
{
    // mkdir is slow on some file systems: each folder once.
    if (m_folders.contains(path))
        return;
    if (!QDir().mkpath(path))
        m_ok = false;
    m_folders.insert(path);
}

QString MlrunsWriter::experimentFolder(const QString &experimentId) const
{
    return m_experimentFolders.value(experimentId, experimentId);
}

QString MlrunsWriter::runFolder(const QString &runId) const
{
    return experimentFolder(m_runExperiments.value(runId)) + QLatin1Char('/') + runId;
}

void MlrunsWriter::experiment(const QString &id, const QString &name, const QString &stage, qint64 time,
                              bool trashed)
{
    const QString folder = trashed ? QStringLiteral(".trash/") + id : id;
    m_experimentFolders.insert(id, folder);
    // Keys sorted, as PyYAML's safe_dump writes them (MLflow 2.x).
    writeFile(folder + QStringLiteral("/meta.yaml"),
              "artifact_location: " + yamlString(QStringLiteral("file://") + m_root + QLatin1Char('/') + id)
                  + "\ncreation_time: " + FileStoreFixture::time(time) + "\nexperiment_id: '" + id.toUtf8()
                  + "'\nlast_update_time: " + FileStoreFixture::time(time)
                  + "\nlifecycle_stage: " + stage.toUtf8() + "\nname: " + yamlString(name) + "\n");
    makeFolder(m_root + QLatin1Char('/') + folder + QStringLiteral("/tags"));
}

void MlrunsWriter::experimentTag(const QString &experimentId, const QString &key, const QString &value)
{
    writeFile(experimentFolder(experimentId) + QStringLiteral("/tags/") + key, value.toUtf8());
}

void MlrunsWriter::run(const Run &run)
{
    m_runExperiments.insert(run.id, run.experimentId);
    const QString folder = runFolder(run.id);
    const QByteArray uri
        = yamlString(run.artifactUri.isEmpty() ? QStringLiteral("file://") + m_root + QLatin1Char('/')
                             + run.experimentId + QLatin1Char('/') + run.id + QStringLiteral("/artifacts")
                                               : run.artifactUri);
    const QByteArray id = yamlString(run.id);
    QByteArray meta = "artifact_uri: " + uri + "\n";
    if (run.era != Era::Mlflow1_2)
        meta += "deleted_time: " + time(run.deletedTime) + "\n";
    meta += "end_time: " + time(run.endTime) + "\nentry_point_name: ''\nexperiment_id: '"
        + run.experimentId.toUtf8() + "'\nlifecycle_stage: " + run.lifecycleStage.toUtf8() + "\n";
    if (run.era == Era::Mlflow1_2)
        meta += "name: " + (run.name.isEmpty() ? QByteArray("''") : yamlString(run.name)) + "\n";
    if (run.era != Era::Mlflow1_2)
        meta += "run_id: " + id
            + "\nrun_name: " + (run.name.isEmpty() ? QByteArray("''") : yamlString(run.name)) + "\n";
    if (run.era == Era::Mlflow1_2 || run.era == Era::Mlflow1_30)
        meta += "run_uuid: " + id + "\n";
    meta += "source_name: ''\nsource_type: 4\nsource_version: ''\nstart_time: " + time(run.startTime)
        + "\nstatus: "
        + (run.era == Era::StatusName ? run.status.toUtf8() : QByteArray::number(statusNumber(run.status)))
        + "\ntags: []\nuser_id: " + yamlString(run.user) + "\n";
    writeFile(folder + QStringLiteral("/meta.yaml"), meta);
    for (const char *sub : {"/metrics", "/params", "/tags", "/artifacts"})
        makeFolder(m_root + QLatin1Char('/') + folder + QLatin1String(sub));
    if (run.era == Era::Mlflow1_2 && !run.name.isEmpty())
        tag(run.id, QStringLiteral("mlflow.runName"), run.name);
}

void MlrunsWriter::param(const QString &runId, const QString &key, const QString &value)
{
    writeFile(runFolder(runId) + QStringLiteral("/params/") + key, value.toUtf8());
}

void MlrunsWriter::tag(const QString &runId, const QString &key, const QString &value)
{
    writeFile(runFolder(runId) + QStringLiteral("/tags/") + key, value.toUtf8());
}

void MlrunsWriter::metric(const QString &runId, const QString &key, qint64 timestamp, double value,
                          qint64 step)
{
    metricText(runId, key,
               QByteArray::number(timestamp) + ' ' + pythonFloat(value) + ' ' + QByteArray::number(step)
                   + '\n');
}

void MlrunsWriter::metricText(const QString &runId, const QString &key, const QByteArray &text)
{
    const QString path = m_root + QLatin1Char('/') + runFolder(runId) + QStringLiteral("/metrics/") + key;
    makeFolder(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::Append) || file.write(text) != text.size())
        m_ok = false;
}

void MlrunsWriter::dataset(const QString &experimentId, const QString &datasetId, const QString &name,
                           const QString &digest, const QString &sourceType, const QString &source,
                           const QString &schema, const QString &profile)
{
    const auto orNull
        = [](const QString &text) { return text.isEmpty() ? QByteArray("null") : yamlString(text); };
    writeFile(experimentFolder(experimentId) + QStringLiteral("/datasets/") + datasetId
                  + QStringLiteral("/meta.yaml"),
              "digest: " + yamlString(digest) + "\nname: " + yamlString(name)
                  + "\nprofile: " + orNull(profile) + "\nschema: " + orNull(schema)
                  + "\nsource: " + yamlString(source) + "\nsource_type: " + yamlString(sourceType) + "\n");
}

void MlrunsWriter::input(const QString &runId, const QString &inputId, const QString &datasetId,
                         const QString &context)
{
    // destination_id equal to source_id: MLflow's own bug, kept.
    writeFile(runFolder(runId) + QStringLiteral("/inputs/") + inputId + QStringLiteral("/meta.yaml"),
              "destination_id: " + yamlString(datasetId)
                  + "\ndestination_type: RUN\nsource_id: " + yamlString(datasetId)
                  + "\nsource_type: DATASET\ntags:\n  mlflow.data.context: " + yamlString(context) + "\n");
}

void MlrunsWriter::registeredModel(const QString &name, qint64 creation, qint64 lastUpdated,
                                   const QString &description)
{
    writeFile(QStringLiteral("models/") + name + QStringLiteral("/meta.yaml"),
              "creation_timestamp: " + time(creation)
                  + "\ndescription: " + (description.isNull() ? QByteArray("null") : yamlString(description))
                  + "\nlast_updated_timestamp: " + time(lastUpdated) + "\nname: " + yamlString(name) + "\n");
}

void MlrunsWriter::registeredModelTag(const QString &model, const QString &key, const QString &value)
{
    writeFile(QStringLiteral("models/") + model + QStringLiteral("/tags/") + key, value.toUtf8());
}

void MlrunsWriter::alias(const QString &model, const QString &alias, int version)
{
    writeFile(QStringLiteral("models/") + model + QStringLiteral("/aliases/") + alias,
              QByteArray::number(version));
}

void MlrunsWriter::modelVersion(const QString &model, const Version &v)
{
    const auto orNull
        = [](const QString &text) { return text.isNull() ? QByteArray("null") : yamlString(text); };
    writeFile(QStringLiteral("models/%1/version-%2/meta.yaml").arg(model).arg(v.version),
              "creation_timestamp: " + time(v.creation) + "\ncurrent_stage: " + yamlString(v.stage)
                  + "\ndescription: " + orNull(v.description) + "\nlast_updated_timestamp: "
                  + time(v.lastUpdated) + "\nname: " + yamlString(model) + "\nrun_id: " + orNull(v.runId)
                  + "\nrun_link: " + orNull(v.runLink) + "\nsource: " + orNull(v.source)
                  + "\nstatus: " + yamlString(v.status) + "\nstatus_message: " + orNull(v.statusMessage)
                  + "\nstorage_location: " + orNull(v.storageLocation) + "\nuser_id: " + orNull(v.userId)
                  + "\nversion: " + QByteArray::number(v.version) + "\n");
}

void MlrunsWriter::modelVersionTag(const QString &model, int version, const QString &key,
                                   const QString &value)
{
    writeFile(QStringLiteral("models/%1/version-%2/tags/").arg(model).arg(version) + key, value.toUtf8());
}

} // namespace FileStoreFixture
