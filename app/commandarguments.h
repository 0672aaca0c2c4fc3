#pragma once

#include "commandline.h"

// The positional arguments of a sub-command (STORE RUN_ID ..., the registry's STORE MODEL
// [VERSION] ...): checked and put into `cl`, or cl.error says what is wrong. Options are parsed.
void takeCommandArguments(CommandLine &cl, const QStringList &positional);
