#pragma once

#include <QByteArray>
#include <QString>

namespace Store {

// Text as MLflow's Python code writes it into an mlruns/ folder.

// Python's str(float) (the shortest repr that reads back the same): 0.1, 1e-05, 5.0,
// 1234567890123456.0, 1e+16, 1.7976931348623157e+308, -0.0, nan, inf, -inf.
QByteArray pythonFloat(double value);

// pathlib.Path(path).as_uri() of an absolute POSIX path: file:// and the path percent-encoded
// (everything but letters, digits, '_.-~' and '/'), e.g. file:///home/u/my%20runs/0.
QString pathToFileUri(const QString &absolutePath);

// The absolute local path an artifact location names: an absolute path, or a file: URI
// (file:///p, file://localhost/p, file:/p; percent-decoded); empty for anything else (a relative
// path, s3://, mlflow-artifacts:/ ...).
QString localPathOfLocation(const QString &location);

} // namespace Store
