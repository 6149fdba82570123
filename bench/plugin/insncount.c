/*
 * TCG plugin for QEMU 7.2 (plugin API version 1) that counts executed guest instructions from
 * outside the image. Debian's QEMU ships no qemu-plugin.h, so the part of the API used here is
 * declared below, as QEMU 7.2's include/qemu/qemu-plugin.h declares it.
 *
 * Every instruction adds one to a counter (an inline add, no call). Optionally, a marker address
 * (plugin argument mark=0xADDR): every access to it snapshots the counter, and the plugin reports
 * the instructions executed after the first marker access up to and including the second one.
 *
 *   qemu-system-arm ... -plugin ./insncount.so,mark=0x400fe000 -d plugin
 *
 * prints at exit, on stderr:  insns: TOTAL  and, when the marker was seen twice,  marked: N
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
typedef struct {
    const char *target_name;
    struct { int min; int cur; } version;
    bool system_emulation;
    union { struct { int smp_vcpus; int max_vcpus; } system; };
} qemu_info_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
typedef uint32_t qemu_plugin_meminfo_t;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_CB_R_REGS, QEMU_PLUGIN_CB_RW_REGS };
enum qemu_plugin_mem_rw { QEMU_PLUGIN_MEM_R = 1, QEMU_PLUGIN_MEM_W, QEMU_PLUGIN_MEM_RW };
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_vcpu_mem_cb_t)(unsigned int vcpu_index, qemu_plugin_meminfo_t info, uint64_t vaddr, void *userdata);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn, enum qemu_plugin_op op, void *ptr, uint64_t imm);
void qemu_plugin_register_vcpu_mem_cb(struct qemu_plugin_insn *insn, qemu_plugin_vcpu_mem_cb_t cb,
                                      enum qemu_plugin_cb_flags flags, enum qemu_plugin_mem_rw rw, void *userdata);
void qemu_plugin_outs(const char *string);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

static uint64_t insns;          /* one vCPU on every board used here */
static uint64_t mark_addr;
static bool have_mark;
static int marks_seen;
static uint64_t mark_at[2];

static void on_mem(unsigned int vcpu, qemu_plugin_meminfo_t info, uint64_t vaddr, void *udata)
{
    (void)vcpu; (void)info; (void)udata;
    if (vaddr == mark_addr) {
        if (marks_seen < 2) mark_at[marks_seen] = insns;
        marks_seen++;
    }
}

static void on_tb(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void)id;
    size_t n = qemu_plugin_tb_n_insns(tb);
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64, &insns, 1);
        /* QEMU_PLUGIN_MEM_R alone reports only stores on 7.2 (seen: the callback ran for UART writes,
           never for loads), so ask for both and match the address */
        if (have_mark) qemu_plugin_register_vcpu_mem_cb(insn, on_mem, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_MEM_RW, NULL);
    }
}

static void on_plugin_exit(qemu_plugin_id_t id, void *udata)
{
    (void)id; (void)udata;
    char buf[160];
    snprintf(buf, sizeof buf, "insns: %llu\n", (unsigned long long)insns);
    qemu_plugin_outs(buf);
    if (have_mark) {
        if (marks_seen >= 2) snprintf(buf, sizeof buf, "marked: %llu\n", (unsigned long long)(mark_at[1] - mark_at[0]));
        else snprintf(buf, sizeof buf, "marked: none (marker read %d times)\n", marks_seen);
        qemu_plugin_outs(buf);
    }
}

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    for (int i = 0; i < argc; i++) {
        if (strncmp(argv[i], "mark=", 5) == 0) {
            mark_addr = strtoull(argv[i] + 5, NULL, 0);
            have_mark = true;
        }
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_tb);
    qemu_plugin_register_atexit_cb(id, on_plugin_exit, NULL);
    return 0;
}
