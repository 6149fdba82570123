#!/usr/bin/env bash
# Re-checks the QEMU facts docs/boards.md states for mps2-an500, mps2-an505, mps3-an547 and opentitan: builds
# the freestanding probes with Debian's cross compilers, runs each under QEMU 7.2 and compares what it prints.
#   tools/board-probe/run.sh        (needs gcc-arm-none-eabi, gcc-riscv64-unknown-elf, qemu-system-arm/-misc)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail=0
check() { # board output-file expected-line...
  local b=$1 f=$2; shift 2
  for want in "$@"; do
    if grep -qxF "$want" "$f"; then echo "ok   $b: $want"; else echo "FAIL $b: $want"; fail=1; fi
  done
}
arm() { # board cpu code data uart hz extra-cflags...
  local b=$1 cpu=$2 code=$3 data=$4 uart=$5 hz=$6; shift 6
  cat > "$work/$b.ld" <<EOL
MEMORY { FLASH (rx) : ORIGIN = $code, LENGTH = 256K  RAM (rwx) : ORIGIN = $data, LENGTH = 64K }
SECTIONS {
  .vectors : { KEEP(*(.vectors)) } > FLASH
  .text : { *(.text*) *(.rodata*) } > FLASH
  .bss (NOLOAD) : { _stack_bottom = .; . += 4096; _stack_top = .; *(.bss*) *(COMMON) } > RAM
}
EOL
  arm-none-eabi-gcc -O1 -mthumb -mcpu="$cpu" -ffreestanding -nostdlib -DUART="$uart" -DCPUHZ="$hz" -DBOARD="\"$b\"" "$@" \
    -T "$work/$b.ld" "$here/arm-probe.c" -o "$work/$b.elf"
  # the byte is in the pipe before the UART's receiver is enabled: QEMU hands it over once it is
  printf 'x' | timeout 20 qemu-system-arm -M "$b" -semihosting-config enable=on,target=native -display none -serial stdio \
    -icount shift=3,sleep=off -kernel "$work/$b.elf" > "$work/$b.out" || echo "exit=$?" >> "$work/$b.out"
}
arm mps2-an500 cortex-m7 0x00000000 0x20000000 0x40004000 25000000 -DFPU -mfloat-abi=hard -mfpu=fpv5-d16
check mps2-an500 "$work/mps2-an500.out" "hello mps2-an500" "CPUID=0x411fc272" "MVFR0=0x10110221" "VTOR=0x00000000" \
  "CALIB=0x0000270f" "got x" "ticks 5" "exit=42"
arm mps2-an505 cortex-m33 0x10000000 0x38000000 0x50200000 20000000 -DV8M
check mps2-an505 "$work/mps2-an505.out" "hello mps2-an505" "CPUID=0x410fd213" "MVFR0=0x10110021" "VTOR=0x10000000" \
  "CALIB=0x80000000" "SAU_CTRL=0x00000000" "SAU_TYPE=0x00000008" "CONTROL=0x00000000" "got x" "ticks 5" \
  "MSPLIM=0x38000000" "HF.MSP=0x38000008" "CFSR=0x00100000" "HFSR=0x40000000" "exit=42"
arm mps3-an547 cortex-m55 0x00000000 0x20000000 0x59303000 32000000 -DV8M
check mps3-an547 "$work/mps3-an547.out" "hello mps3-an547" "CPUID=0x410fd221" "MVFR0=0x10110221" "MVFR1=0x12100211" \
  "VTOR=0x00000000" "CALIB=0x80000000" "SAU_CTRL=0x00000000" "SAU_TYPE=0x00000008" "got x" "ticks 5" \
  "MSPLIM=0x20000000" "HF.MSP=0x20000008" "CFSR=0x00100000" "exit=42"
# opentitan: linked at the reset address 0x20000400
sed 's/CODE/0x20000400/' > "$work/ot.ld" <<'EOL'
MEMORY { FLASH (rx) : ORIGIN = CODE, LENGTH = 512K  RAM (rwx) : ORIGIN = 0x10000000, LENGTH = 128K }
ENTRY(_start)
SECTIONS {
  .text : { *(.text.start) *(.text*) *(.rodata*) *(.srodata*) } > FLASH
  .bss (NOLOAD) : { _stack_bottom = .; . += 4096; _stack_top = .; *(.bss*) *(.sbss*) *(COMMON) } > RAM
}
EOL
riscv64-unknown-elf-gcc -march=rv32imc_zicsr -mabi=ilp32 -O1 -ffreestanding -nostdlib -T "$work/ot.ld" \
  "$here/opentitan-start.S" "$here/opentitan-probe.c" -o "$work/ot.elf"
printf 'y' | timeout 20 qemu-system-riscv32 -M opentitan -semihosting-config enable=on,target=native -display none -serial stdio \
  -icount shift=3,sleep=off -kernel "$work/ot.elf" > "$work/ot.out" || echo "exit=$?" >> "$work/ot.out"
check opentitan "$work/ot.out" "hello opentitan" "misa=0x40101104" "marchid=0x00070216" "timerctrl=0x00000000" "got y" \
  "elapsed=0x000001f4" "ticks 5" "mcause=0x00000005" "mtval=0x00000000" "exit=42"
# the same image linked at the start of the flash never runs (the reset address is 0x20000400)
sed -i 's/0x20000400/0x20000000/' "$work/ot.ld"
riscv64-unknown-elf-gcc -march=rv32imc_zicsr -mabi=ilp32 -O1 -ffreestanding -nostdlib -T "$work/ot.ld" \
  "$here/opentitan-start.S" "$here/opentitan-probe.c" -o "$work/ot0.elf"
if timeout 5 qemu-system-riscv32 -M opentitan -semihosting-config enable=on,target=native -display none -serial stdio \
  -kernel "$work/ot0.elf" < /dev/null | grep -q hello; then echo "FAIL opentitan: linked at 0x20000000 it ran"; fail=1
else echo "ok   opentitan: linked at 0x20000000 it never runs"; fi
exit $fail
