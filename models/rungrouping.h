#pragma once

#include "runtable.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// Runs grouped by the values of one or more keys (a sweep's "lr=0.01 vs lr=0.001"), each group
// with a summary of its runs' latest metric values: what the run table's group rows and
// `kaizen runs --group-by` show. Pure functions of a RunTable; no I/O.
namespace RunGrouping {

// A key to group by, as the filter writes it: params.optimizer, tags.team, tags.`mlflow.user`,
// attributes.status / user_id; also `experiment` (attributes.experiment_id) and `parent`
// (the parent run, tag mlflow.parentRunId).
struct Key
{
    enum class Kind { Param, Tag, Status, UserId, Experiment, Parent };
    Kind kind = Kind::Param;
    QString name; // the param's or tag's key; empty for the others
    QString text; // as the user wrote it, normalised ("params.lr"): the JSON's group keys

    friend bool operator==(const Key &, const Key &) = default;
};

// nullopt with *error set when `text` is not a key to group by.
std::optional<Key> parseKey(const QString &text, QString *error);
// A run's value of `key`; nullopt when the run lacks it (it then joins the "(no value)" group).
std::optional<QString> valueOf(const Store::RunTable &table, int row, const Key &key);

// count finite latest values of a metric over a group's runs, and their mean, extremes and
// population standard deviation. NaN and infinite values (also as MLflow stores them, ±DBL_MAX)
// are left out; a metric no run of the group has finite is absent from Group::metrics.
struct Summary
{
    double mean = 0;
    double min = 0;
    double max = 0;
    double std = 0;
    int count = 0;
};
Summary summarize(const QList<double> &values); // count 0 when none is finite

struct Group
{
    QList<std::optional<QString>> values; // one per key; nullopt: "(no value)"
    QList<int> rows; // the runs, in the order they were given
    QMap<QString, Summary> metrics; // by metric key
};

// The groups of `rows` by `keys`. Groups are ordered by their values, key by key: numbers
// numerically before text, text by code point, "(no value)" last.
QList<Group> group(const Store::RunTable &table, const QList<int> &rows, const QList<Key> &keys);

// "(no value)", translated: how a missing value is shown.
QString noValueText();

} // namespace RunGrouping
