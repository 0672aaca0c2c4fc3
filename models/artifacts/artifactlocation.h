#pragma once

#include <QString>
#include <QStringList>

namespace Artifacts {

// What Kaizen needs to find a run's artifacts on this machine.
struct LocationInput
{
    QString artifactUri {}; // the run's artifact_uri as MLflow recorded it
    // The store's normalised location (Store::Location::normalized()): a database file, an
    // mlruns/ folder, or a server URI (then only absolute paths and the artifacts root help).
    QString storeLocation {};
    // The local folder the user chose for this store's `mlflow-artifacts:` URIs (the tracking
    // server's --artifacts-destination); empty when none was set.
    QString artifactsRoot {};
    // Where relative paths are tried after the store's folder; the process's when empty.
    QString workingDirectory {};
};

// Where a run's artifacts are, as ../shared/docs/mlflow-format.md §2.10 says.
struct Location
{
    enum class Status {
        Local, // `path` is an existing folder
        Missing, // no candidate exists; `path` is the first one tried
        Remote, // s3://, gs://, wasbs://, abfss://, hdfs://, dbfs:, http(s)://, sftp://, ftp://...
        Invalid, // empty or unparseable URI
    };
    Status status = Status::Invalid;
    QString path; // absolute, clean, native to this machine (see Status)
    QStringList tried; // every candidate folder, in the order tried
    QString scheme; // the URI's scheme ("s3", "mlflow-artifacts", "file"); empty for a path
    QString uri; // the artifact URI as given (trimmed), for messages

    bool isLocal() const { return status == Status::Local; }
    // A complete sentence for the UI and the command line: "No artifact folder at /x (also
    // looked in /y).", "s3://b/p is in a remote artifact store, not available offline." ...
    QString message() const;
};

// Resolves a run's artifact location. Candidates, in order:
// - an absolute path or a file: URI (file:///p, file://localhost/p, file:/p; percent-decoded):
//   the path itself;
// - a relative path (./mlruns/0/<run>/artifacts, MLflow 1.x): against the store's folder, then
//   the working directory;
// - mlflow-artifacts:/p or mlflow-artifacts://host:port/p: <artifactsRoot>/p when one is set,
//   then <store's folder>/mlartifacts/p (the server's default destination);
// - then, for each of these, a store moved from another machine: the URI's last three path
//   components (<exp>/<run>/artifacts) under the store's mlruns root (<db folder>/mlruns for a
//   database file, the folder itself for an mlruns/ store).
// The first candidate that is an existing folder wins. Touches the file system (stat only).
Location resolveLocation(const LocationInput &input);

} // namespace Artifacts
