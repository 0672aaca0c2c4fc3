#pragma once

#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

// Runs the real kaizen binary as a script would: without a display, with extra environment
// (e.g. XDG_DATA_HOME for Kaizen's own data), and hands back its exit status and output.
namespace CliRunner {

struct Outcome
{
    int exitCode = -1; // -2: crashed, -1: did not finish
    QByteArray out;
    QByteArray err;
};

inline Outcome kaizen(const QStringList &arguments, const QProcessEnvironment &extra = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY")); // sub-commands must not need a display
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(extra);
    process.setProcessEnvironment(env);
    process.start(TestSupport::kaizenBinary(), arguments);
    if (!process.waitForFinished(60000))
        return {};
    Outcome outcome;
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    outcome.out = process.readAllStandardOutput();
    outcome.err = process.readAllStandardError();
    return outcome;
}

inline QJsonDocument json(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "invalid JSON:" << error.errorString() << bytes.left(200);
    return doc;
}

inline QJsonArray jsonArray(const QByteArray &bytes)
{
    return json(bytes).array();
}

inline QJsonObject jsonObject(const QByteArray &bytes)
{
    return json(bytes).object();
}

} // namespace CliRunner
