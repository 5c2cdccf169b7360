// The sub-commands of the `mnemo` binary. Each takes the arguments after the
// program name (argv[0] is the command's name) and returns the exit status:
// 0 success, 1 a statement failed, 2 a usage error.
#pragma once

namespace mnemo::shell {

int RunCommand(int argc, char** argv);    // mnemo run [options] FILE...
int QueryCommand(int argc, char** argv);  // mnemo query [options] 'STATEMENTS'
int ServeCommand(int argc, char** argv);  // mnemo serve [options]
int ShellCommand(int argc, char** argv);  // mnemo shell [options]
int ConsolidateCommand(int argc, char** argv);  // mnemo consolidate [options] JOB...

// Print the command's help (as --help does) to stdout.
void PrintRunHelp();
void PrintQueryHelp();
void PrintServeHelp();
void PrintShellHelp();
void PrintConsolidateHelp();

}  // namespace mnemo::shell
