# The two commands: `make demo` and `make test`. Each installs what is missing,
# builds, and runs. Everything else here is a step of those two.
MAKEFLAGS += --no-print-directory
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= 2

# Debian packages the build, the tests and the benchmarks need.
DEBIAN_PACKAGES := cmake g++ make pkg-config ccache \
  tao-pegtl-dev libboost-graph-dev libigraph-dev libarpack2-dev libglpk-dev libplfit-dev \
  libmimalloc-dev libxxhash-dev libfaiss-dev libcapnp-dev capnproto catch2 \
  libreadline-dev libcpp-httplib-dev nlohmann-json3-dev libcli11-dev libfmt-dev libsqlite3-dev \
  graphviz tmux python3

.PHONY: deps configure build demo test bench clean format

# Installs the Debian packages that are missing; a no-op when all are there.
deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing" $$missing; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "make deps: all Debian packages present"; fi

configure: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) > $(BUILD_DIR).configure.log 2>&1 || \
	  (cat $(BUILD_DIR).configure.log; exit 1)

build: configure
	@cmake --build $(BUILD_DIR) -j$(JOBS)

demo: build
	@$(BUILD_DIR)/mnemo run samples/quickstart.mq

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS)

bench: build
	@$(BUILD_DIR)/mnemo-bench store --entities 100000
	@$(BUILD_DIR)/mnemo-bench query --entities 100000
	@$(BUILD_DIR)/mnemo-bench history --versions 10000

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	@rm -rf $(BUILD_DIR) $(BUILD_DIR).configure.log
