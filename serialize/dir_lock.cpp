#include "serialize/dir_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>

#include <cerrno>

namespace mnemo::serialize {

Result<std::unique_ptr<DirectoryLock>> DirectoryLock::Acquire(const std::string& dir) {
  const std::string path = dir + "/LOCK";
  MNEMO_ASSIGN_OR_RETURN(UniqueFd fd, OpenFile(path, O_RDWR | O_CREAT));
  int rc;
  do rc = ::flock(fd.get(), LOCK_EX | LOCK_NB);
  while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    if (errno == EWOULDBLOCK)
      return Status::IOError("the memory directory '" + dir +
                             "' is in use: another process (or another open Database) has it open for writing");
    return ErrnoStatus("cannot lock", path, errno);
  }
  return std::unique_ptr<DirectoryLock>(new DirectoryLock(std::move(fd)));
}

DirectoryLock::~DirectoryLock() {
  if (fd_.valid()) ::flock(fd_.get(), LOCK_UN);
}

}  // namespace mnemo::serialize
