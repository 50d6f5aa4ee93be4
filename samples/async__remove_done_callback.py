# Done callbacks run in the order they were added, whichever were removed
# in between; remove_done_callback() says how many it took out.
import asyncio


def report(name):
    def callback(fut):
        print(name, 'sees', fut.result())
    return callback


async def main():
    loop = asyncio.get_running_loop()
    a, b, c = report('a'), report('b'), report('c')

    fut = loop.create_future()
    fut.add_done_callback(a)
    fut.add_done_callback(b)
    fut.add_done_callback(a)
    print('removed', fut.remove_done_callback(a))
    fut.add_done_callback(c)
    fut.add_done_callback(a)
    print('removed', fut.remove_done_callback(report('x')))
    fut.set_result(1)
    await asyncio.sleep(0)

    only = loop.create_future()
    only.add_done_callback(b)
    print('removed', only.remove_done_callback(b))
    only.add_done_callback(c)
    only.add_done_callback(a)
    only.set_result(2)
    await asyncio.sleep(0)

    done = loop.create_future()
    done.set_result(3)
    done.add_done_callback(a)
    print('removed after done', done.remove_done_callback(a))
    await asyncio.sleep(0)


asyncio.run(main())
